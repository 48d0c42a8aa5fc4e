/**
 * The cluster suite's fixed loopback ports (one range, so it can run beside
 * other suites): PostgreSQL and PgBouncer 6440–6449, instances and the email
 * stand-in 3620–3639, nginx 8480–8489. Each test file starts its own cluster.
 */
export const PORTS = {
  postgres: 6440,
  pgbouncer: 6441,
  mail: 3639,
  journey: { nginx: 8480, instances: [3620, 3621] },
  load: { nginx: 8481, instances: [3622, 3623] },
  pooled: { nginx: 8482, instances: [3624, 3625] },
  auth: { nginx: 8483, instances: [3626, 3627] },
} as const;
