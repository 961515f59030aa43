/**
 * A booking on its way: written before the event is created, removed when the session row is.
 * If the service dies in between, a retry of the same booking knows an event may already exist
 * (Graph's transactionId returns it) instead of taking that event for somebody else's.
 */
export const statements = [
  `create table booking_intents (
    tenant_id text not null, transaction_id text not null, pair_id uuid not null, created_at timestamptz not null,
    primary key (tenant_id, transaction_id), foreign key (tenant_id, pair_id) references pairs (tenant_id, id))`,
];
