import { makeStyles } from '@fluentui/react-components';

/** Longer languages (German, the pseudo-locale) wrap inside the dialog instead of being clipped. */
export const useConfirmDialogStyles = makeStyles({
  // Grid items may shrink below their longest word, which then wraps.
  text: { overflowWrap: 'anywhere', '& > *': { minWidth: 0 } },
  // Fluent pulls the content out by its focus outline's width, which spills past the body's edge; the padding keeps the outline visible.
  content: { marginInline: 0 },
  actions: { flexWrap: 'wrap' },
  button: { maxWidth: 'none', height: 'auto', whiteSpace: 'normal' },
});
