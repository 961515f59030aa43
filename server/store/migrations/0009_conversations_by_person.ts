/**
 * A conversation reference belongs to one person (tenant, Entra object id, the primary key). The
 * conversation id is no longer unique: a second person arriving with the same id must not replace
 * or remove the first one's reference (issue 15).
 */
export const statements = [
  `drop index conversation_references_by_conversation`,
  `create index conversation_references_by_conversation on conversation_references (tenant_id, conversation_id)`,
];
