import { Link } from '@fluentui/react-components';
import { type Token, type Tokens, lexer } from 'marked';
import { Fragment, type ReactNode, useMemo } from 'react';

/** Only these addresses become links; anything else (javascript:, data:) stays text. */
const safeHref = (href: string) => /^(https?:|mailto:)/i.test(href.trim());

/**
 * Turns marked's tokens into React elements for the allowed subset: paragraphs, emphasis, lists,
 * quotes, small headings, code and safe links. Every other token (raw HTML included) is shown as
 * its text, which React escapes, so no markup an admin types reaches the page (decision 0065).
 */
function render(tokens: readonly Token[] | undefined): ReactNode {
  return (tokens ?? []).map((token, i) => <Fragment key={i}>{element(token)}</Fragment>);
}

function element(token: Token): ReactNode {
  switch (token.type) {
    case 'paragraph':
      return <p>{render(token.tokens)}</p>;
    case 'heading':
      return token.depth <= 3 ? <h3>{render(token.tokens)}</h3> : <h4>{render(token.tokens)}</h4>;
    case 'strong':
      return <strong>{render(token.tokens)}</strong>;
    case 'em':
      return <em>{render(token.tokens)}</em>;
    case 'codespan':
      return <code>{token.text}</code>;
    case 'br':
      return <br />;
    case 'blockquote':
      return <blockquote>{render(token.tokens)}</blockquote>;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{render(item.tokens)}</li>);
      return list.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'link':
      return safeHref(token.href) ? (
        <Link href={token.href} target="_blank" rel="noopener noreferrer" inline>
          {render(token.tokens)}
        </Link>
      ) : (
        render(token.tokens)
      );
    case 'text':
      return 'tokens' in token && token.tokens ? render(token.tokens) : token.text;
    case 'space':
      return null;
    default:
      // Raw HTML, images, tables, code blocks: their source, as text.
      return 'text' in token ? String(token.text) : token.raw;
  }
}

/** An admin's formatted text (a markdown subset), shown to participants without ever becoming HTML. */
export function FormattedText({ text }: { text: string }) {
  const content = useMemo(() => render(lexer(text, { gfm: true, breaks: true })), [text]);
  return <div>{content}</div>;
}
