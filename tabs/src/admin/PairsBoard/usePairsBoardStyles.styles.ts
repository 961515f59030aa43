import { makeStyles, tokens } from '@fluentui/react-components';

export const usePairsBoardStyles = makeStyles({
  /** Flags side by side, wrapping at Teams mobile width. */
  flags: { flexDirection: 'row', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  /** Each filter takes a line of its own on a narrow screen and shares it on a wide one. */
  filters: { alignItems: 'flex-end', '& > *': { flexGrow: 1, flexBasis: '12rem', minWidth: 0 } },
  /** A native select is as wide as its longest option unless told otherwise. */
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
});
