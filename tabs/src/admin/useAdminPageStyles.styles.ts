import { makeStyles } from '@fluentui/react-components';

export const useAdminPageStyles = makeStyles({
  /** Eight panels do not fit Teams mobile width (360 px) on one line: the tabs wrap instead of pushing the page sideways. */
  tabs: { flexWrap: 'wrap' },
});
