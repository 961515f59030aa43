/**
 * Cards a person has answered, by the id each sending of a card carries: an answer is recorded
 * once, however often the same card is pressed (a second device, a replayed invoke).
 */
export const statements = [
  `create table answered_cards (
    tenant_id text not null, user_id text not null, card_id text not null, answered_at timestamptz not null,
    primary key (tenant_id, user_id, card_id)
  )`,
];
