/**
 * The bot's send pace, shared by every process: per tenant and per conversation, the time at
 * which the next message would be on schedule (the "theoretical arrival time" of a generic cell
 * rate algorithm). A row is only a time; it says nothing about the message or the person.
 */
export const statements = [
  `create table send_pace (
    tenant_id text not null, scope text not null, theoretical_arrival timestamptz not null,
    primary key (tenant_id, scope)
  )`,
];
