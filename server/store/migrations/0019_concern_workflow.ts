/**
 * Concerns that can be followed up: a category and severity on each, and its history in
 * concern_entries: status changes, replies to the person who raised it (they see them) and the
 * admins' internal notes (they never do). Entries go with their concern (erasure, retention).
 */
export const statements = [
  `alter table concerns add column category text not null default 'other'
     check (category in ('relationship', 'conduct', 'wellbeing', 'logistics', 'other'))`,
  `alter table concerns add column severity text not null default 'medium' check (severity in ('low', 'medium', 'high'))`,
  `create table concern_entries (
    tenant_id text not null, id uuid not null, concern_id uuid not null,
    kind text not null check (kind in ('status', 'reply', 'note')),
    author_user_id text not null, text text, status text check (status in ('open', 'in-progress', 'closed')),
    created_at timestamptz not null, primary key (tenant_id, id),
    foreign key (tenant_id, concern_id) references concerns (tenant_id, id) on delete cascade)`,
  `create index concern_entries_by_concern on concern_entries (tenant_id, concern_id, created_at)`,
];
