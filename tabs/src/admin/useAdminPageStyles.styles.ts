import { makeStyles } from '@fluentui/react-components';

export const useAdminPageStyles = makeStyles({
  /** Eight panels do not fit Teams mobile width (360 px) on one line: the tabs wrap instead of pushing the page sideways. */
  tabs: { flexWrap: 'wrap' },
  /** A wide table scrolls inside its own box rather than cutting off or pushing the page sideways. */
  tableWrap: { overflowX: 'auto' },
  /** Columns sized to their content (Fluent fixes them equal), so longer languages wrap instead of being clipped. */
  table: { tableLayout: 'auto' },
});
