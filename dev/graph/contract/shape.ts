type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Paging ends a page with one of these: a documented next page may be, for a short collection, its delta link. */
const PAGE_LINKS = ['@odata.nextLink', '@odata.deltaLink'];

/**
 * Where an answer's shape departs from a documented one: every member the documentation shows
 * must be there with the same JSON type (values are not compared; a null is a value, so either
 * side's null matches any type). Members the documentation leaves out are not differences: Graph's
 * examples are shortened. Every element of an array is compared with the documentation's first
 * element, and a difference is named once for all elements (`value[]`).
 */
export function shapeDifferences(documented: Json, actual: unknown, at = '$'): string[] {
  return [...new Set(differences(documented, actual, at))];
}

function differences(documented: Json, actual: unknown, at: string): string[] {
  if (documented === null || actual === null) return [];
  if (kindOf(documented) !== kindOf(actual)) return [`${at}: documented ${kindOf(documented)}, got ${kindOf(actual)}`];
  if (Array.isArray(documented)) {
    const items = actual as unknown[];
    const sample = documented[0];
    return sample === undefined ? [] : items.flatMap((item) => differences(sample, item, `${at}[]`));
  }
  if (typeof documented !== 'object') return [];
  const object = actual as Record<string, unknown>;
  return Object.entries(documented).flatMap(([key, value]) => {
    if (PAGE_LINKS.includes(key) && PAGE_LINKS.some((link) => link in object)) return [];
    if (!(key in object)) return [`${at}.${key}: missing`];
    return differences(value, object[key], `${at}.${key}`);
  });
}

export type { Json };
