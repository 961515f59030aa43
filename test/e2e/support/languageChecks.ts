import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/*
 * What the language browser tests judge: the words a page shows of its own (catalogue) text, with
 * what the API sent (people's names, venues, the service's words) set aside, and text cut off.
 */

/** A message catalogue (JSON, key to ICU message). */
export const catalogueAt = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

/** The words of a catalogue's own text (argument names and ICU keywords left out). */
export function wordsOf(messages: Record<string, string>): Set<string> {
  const text = Object.values(messages)
    .join(' ')
    .replace(/\{\s*\w+\s*,\s*(select|plural|number)\s*,?/g, ' ')
    .replace(/\b(one|other|few|many|yes|none|=0|mentor|mentee)\s*\{/g, ' ')
    .replace(/\{\w+\}/g, ' ');
  return new Set(text.match(/\p{L}{4,}/gu)?.map((w) => w.toLowerCase()) ?? []);
}

/** Every string the API sends the page from now on, which no catalogue translates. */
export function apiStrings(page: Page): Set<string> {
  const strings = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  page.on('response', (response) => {
    if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    response.json().then(collect, () => undefined);
  });
  return strings;
}

/** What the person reads in a document (its `html` element): visible text, and the names assistive technology reads out; text marked translate="no" left out. */
export async function readable(html: Locator): Promise<string> {
  return html.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Marked translate="no" (placeholders an admin types): not language, so the same in every locale.
      if (parent && parent.checkVisibility() && !parent.closest('[translate="no"]') && node.textContent?.trim()) parts.push(node.textContent.trim());
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) if (el.getAttribute(name)) parts.push(el.getAttribute(name)!);
    }
    return parts.join('\n');
  });
}

/** The text with what the API sent taken out. */
export function withoutData(text: string, data: Set<string>): string {
  // People's initials (their avatars) come from their names too.
  const initials = [...data].filter((v) => /^\p{Lu}\S*( \p{Lu}\S*)+$/u.test(v)).map((name) => name.split(' ').map((part) => part[0]).join(''));
  let rest = text;
  for (const value of initials) rest = rest.replace(new RegExp(`\\b${value}\\b`, 'g'), ' ');
  // Whole words only: a short value (a language code such as "en") must not cut words of Upward's own text apart.
  for (const value of [...data].filter((v) => v.length > 1).sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  }
  return rest;
}

/** Elements of a document (its `html` element) whose text is cut off (clipped or ellipsed beyond their box), and whether it scrolls sideways. */
export async function truncated(html: Locator): Promise<string[]> {
  return html.evaluate(() => {
    const cut: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!el.checkVisibility() || !el.textContent?.trim() || el.children.length > 3) continue;
      const style = getComputedStyle(el);
      // Clipped, ellipsed, or spilling out of its box; a box that scrolls (a wide table) shows all of it.
      const shows = ['hidden', 'clip', 'visible'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (shows && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) cut.push(`${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 60)}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) cut.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${window.innerWidth})`);
    return cut;
  });
}
