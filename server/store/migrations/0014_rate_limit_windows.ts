/**
 * Rate-limit counters shared by every process, one row per key and fixed window. Counters taken
 * before sign-in (per address) belong to no tenant and use the tenant id '*'.
 */
export const statements = [
  `create table rate_limit_windows (
    tenant_id text not null, key text not null, window_start timestamptz not null, hits integer not null,
    primary key (tenant_id, key, window_start)
  )`,
];
