import type english from '../locales/en.json';

/** A message of the shared catalogue (`shared/locales`): the schemas' field messages and the CSV import's row messages. */
export type SharedMessageKey = keyof typeof english;
export type SchemaMessageKey = Extract<SharedMessageKey, `schema.${string}`>;

/** A message with its values, worded by whoever shows it: the tab in the person's language, the server per Accept-Language. */
export interface SharedMessage<K extends SharedMessageKey = SharedMessageKey> {
  key: K;
  values?: Readonly<Record<string, string | number | readonly string[]>>;
}

/** What a zod issue carries that a message may need (zod's issue types, loosely). */
interface IssueLike {
  code?: string;
  message: string;
  maximum?: unknown;
  minimum?: unknown;
  params?: Record<string, unknown>;
}

const isSchemaKey = (message: string): message is SchemaMessageKey => message.startsWith('schema.');

/**
 * A schema's own message (written as a catalogue key, `schema.*`) with its values: a bound from the
 * issue (`{max}`), or a custom issue's params; null for zod's own words, which its locale translates.
 */
export function schemaMessageOf(issue: IssueLike): SharedMessage<SchemaMessageKey> | null {
  if (!isSchemaKey(issue.message)) return null;
  const values: Record<string, string | number | readonly string[]> = {};
  if (issue.code === 'too_big' && issue.maximum !== undefined) values.max = Number(issue.maximum);
  if (issue.code === 'too_small' && issue.minimum !== undefined) values.min = Number(issue.minimum);
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) values[name] = value as string | number | readonly string[];
  }
  return { key: issue.message, values };
}

/** A schema's message as its catalogue key, checked against the catalogue by the type. */
export const says = (key: SchemaMessageKey): SchemaMessageKey => key;

type Primitive = string | number | bigint | boolean | Date | null | undefined;
type Values = Readonly<Record<string, Primitive | readonly string[]>>;

/**
 * A message with values in one reader's words: a list joined as their language joins lists, and a
 * nested message (`problem`, a shared key, as a CSV row's reason carries its field's) worded first.
 */
export function wordMessage<K extends string>(message: { key: K; values?: Values }, text: { t(key: K, values?: Record<string, Primitive>): string; list(items: readonly string[]): string }): string {
  const values: Record<string, Primitive> = Object.fromEntries(Object.entries(message.values ?? {}).map(([name, value]) => [name, Array.isArray(value) ? text.list(value as readonly string[]) : (value as Primitive)]));
  const { problem } = values;
  if (typeof problem === 'string' && problem.startsWith('schema.')) values.problem = text.t(problem as K, values);
  return text.t(message.key, values);
}
