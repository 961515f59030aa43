/** jsonb parameters are sent as JSON text: the pg driver would otherwise turn arrays into Postgres arrays. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
