import { makeStyles, tokens } from '@fluentui/react-components';

export const useTaskPaneStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  why: { color: tokens.colorNeutralForeground2 },
});
