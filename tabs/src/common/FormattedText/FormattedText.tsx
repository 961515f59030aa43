import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** The formatting an admin's text may use: paragraphs, emphasis, lists, quotes, small headings and links. */
const allowedTags = ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4', 'code', 'a'];

// Links leave the tab: in a new window, telling the other site nothing of where they came from.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * An admin's formatted text (markdown), shown to participants: marked turns it into HTML and
 * DOMPurify keeps only the tags above and safe link addresses (decision 0065), so no script,
 * style, image or event handler an admin types ever reaches a participant's tab.
 */
export function FormattedText({ text, className }: { text: string; className?: string }) {
  const html = useMemo(
    () => DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true, breaks: true }), { ALLOWED_TAGS: allowedTags, ALLOWED_ATTR: ['href', 'target', 'rel'] }),
    [text],
  );
  // Sanitised just above: this is the one place formatted text is shown.
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
