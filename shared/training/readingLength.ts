/**
 * How long a module may be: a few minutes of reading (decision 0078). 500 words is under three
 * minutes at the slowest of the three languages' average silent reading rates (German, about 180
 * words a minute; French about 195, English about 240: Brysbaert 2019), reading and exercise together.
 */
export const maxModuleWords = 500;

/** Words as a reader meets them: runs of letters or digits, so punctuation and markdown marks do not count. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
