import { makeStyles, tokens } from '@fluentui/react-components';

export const useDashboardStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, alignItems: 'flex-end' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 440px), 1fr))', gap: tokens.spacingHorizontalL },
  chart: { display: 'grid', gridTemplateColumns: 'minmax(7rem, 40%) 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center' },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  track: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  bar: {
    height: '14px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorBrandBackground,
    flexShrink: 0,
    // Bars are drawn with backgrounds, which forced colours remove: keep them as system colours.
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
  hidden: {
    width: '24px',
    height: '14px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorNeutralStroke2} 0 2px, transparent 2px 6px)`,
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', borderTopColor: 'CanvasText', borderRightColor: 'CanvasText', borderBottomColor: 'CanvasText', borderLeftColor: 'CanvasText', backgroundImage: 'repeating-linear-gradient(45deg, CanvasText 0 2px, Canvas 2px 6px)' },
  },
  value: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground1, whiteSpace: 'nowrap' },
  suppressedValue: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  tableWrap: { overflowX: 'auto' },
  /** Columns sized to their content (Fluent fixes them equal), so longer languages wrap instead of being clipped. */
  table: { tableLayout: 'auto' },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});
