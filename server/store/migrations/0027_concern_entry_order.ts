/**
 * A concern's history in the order it was written: entries made in the same instant (a status
 * change and a note sent together) would otherwise sort by their random ids.
 */
export const statements = [`alter table concern_entries add column seq bigint generated always as identity`];
