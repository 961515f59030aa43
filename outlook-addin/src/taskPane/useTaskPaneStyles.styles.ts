import { makeStyles, tokens } from '@fluentui/react-components';

export const useTaskPaneStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, flexWrap: 'wrap', alignItems: 'center' },
  // Longer languages wrap the ways of meeting rather than widen the narrow task pane.
  modes: { flexWrap: 'wrap' },
  why: { color: tokens.colorNeutralForeground2 },
});
