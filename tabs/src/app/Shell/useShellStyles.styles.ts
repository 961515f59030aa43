import { makeStyles, tokens } from '@fluentui/react-components';

export const useShellStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  nav: { flexGrow: 1, minWidth: 0 },
  /** The section tabs wrap at Teams mobile width (360 px) rather than push the page sideways. */
  tabs: { flexWrap: 'wrap' },
  main: { padding: tokens.spacingHorizontalL, maxWidth: '1200px', marginInline: 'auto', '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS } },
});
