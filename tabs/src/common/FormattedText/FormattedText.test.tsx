import { renderToStaticMarkup } from 'react-dom/server';
import { FormattedText } from './FormattedText';

const html = (text: string) => renderToStaticMarkup(<FormattedText text={text} />);

describe('formatted text from an admin', () => {
  it('keeps paragraphs, emphasis, lists, headings and safe links', () => {
    const out = html('# Before you start\n\nPrepare **one story** and *listen*.\n\n- Ask\n- Follow up\n\n1. First\n\n[Our policy](https://contoso.example/policy) or [mail us](mailto:hr@contoso.example)');
    expect(out).toContain('<h3>Before you start</h3>');
    expect(out).toContain('<strong>one story</strong>');
    expect(out).toContain('<em>listen</em>');
    expect(out).toContain('<ul><li>Ask</li><li>Follow up</li></ul>');
    expect(out).toContain('<ol><li>First</li></ol>');
    expect(out).toMatch(/<a [^>]*href="https:\/\/contoso.example\/policy"[^>]*rel="noopener noreferrer"/);
    expect(out).toMatch(/<a [^>]*href="mailto:hr@contoso.example"/);
  });

  it('never lets markup through: HTML, scripts, images and script links show as text', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> and <b onclick="x()">bold</b>\n\n[click](javascript:alert(3)) ![pic](https://contoso.example/a.png)');
    expect(out).not.toMatch(/<(script|img|b)[\s>]/);
    expect(out).not.toContain('href="javascript');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('click');
  });
});
