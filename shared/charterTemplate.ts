/**
 * The programme's charter is a template: each pair signs it with their own names and the
 * programme's rhythm filled in. A placeholder is a name in braces, for example `{mentee}`.
 */
export const charterPlaceholders = ['mentor', 'mentee', 'cadenceDays', 'sessionMinutes', 'startsOn', 'endsOn'] as const;
export type CharterValues = Record<(typeof charterPlaceholders)[number], string>;

const placeholder = /\{([A-Za-z]+)\}/g;

/** The placeholders a template names that the charter cannot fill (so the admin is told, not the pair). */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = charterPlaceholders;
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1]!).filter((name) => !known.includes(name)))];
}

/** The template with every known placeholder replaced by the pair's value. */
export function fillCharter(template: string, values: CharterValues): string {
  return template.replace(placeholder, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as keyof CharterValues] : whole));
}
