import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Every environment variable the app reads, validated once with zod. Reading
 * never throws (a `next build` and a development start need no variables at
 * all); `productionProblems` names what a production start must not go
 * without, and `instrumentation.ts` refuses to start while any is left.
 * The README's "Environment variables" table lists the same names.
 */

/** An unset variable and an empty one mean the same: `DATABASE_URL=""` is "no database URL". */
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(unsetIfEmpty, schema.default(fallback as never));
const flag = (fallback: '0' | '1') => withDefault(z.enum(['0', '1']), fallback);
const list = (item: z.ZodType<string>) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : [],
    z.array(item),
  );
const hostName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i, 'must list host names only (no scheme, port or path)');
/** A DNS server as `node:dns` `setServers` takes it: `1.2.3.4`, `1.2.3.4:5353`, `::1` or `[::1]:5353`. */
const dnsServer = z.string().refine((value) => {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  const withPort = /^([^:]+):(\d{1,5})$/.exec(value);
  const [address, port] = bracketed ? [bracketed[1]!, bracketed[2]] : withPort ? [withPort[1]!, withPort[2]] : [value, undefined];
  return isIP(address) !== 0 && (port === undefined || (Number(port) >= 1 && Number(port) <= 65535));
}, 'must list IP addresses, each with an optional port (1.1.1.1, 127.0.0.1:5353, [::1]:5353)');

const schema = z.object({
  NODE_ENV: withDefault(z.enum(['development', 'production', 'test']), 'development'),
  /** Set by `next build` while it compiles and prerenders: nothing is served, nothing is checked. */
  NEXT_PHASE: optional(z.string()),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')),
  /** Read replicas of DATABASE_URL (comma-separated): For Sale, history and back-office lists read from them (db/replicas.ts). */
  DATABASE_REPLICA_URLS: list(z.string().regex(/^postgres(ql)?:\/\//, 'must list postgres:// or postgresql:// URLs')),
  DATABASE_POOL_SIZE: withDefault(z.coerce.number().int().min(2).max(200), 10),
  /**
   * Where migrations run (with their session advisory lock): a direct, session-mode connection.
   * Unset, DATABASE_URL. Set it when DATABASE_URL goes through a transaction pooler (PgBouncer).
   */
  DATABASE_MIGRATION_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')),
  /** `0` turns off named prepared statements (postgres.js `prepare: false`), as a transaction pooler needs. */
  DATABASE_PREPARE: flag('1'),
  PGLITE_DATA_DIR: optional(z.string()),
  TRADEPOST_AUTO_SEED: flag('1'),
  TRADEPOST_PUBLIC_DEMO: flag('0'),
  /** `npm run bench` only: serves the floor page `/p/<slug>/bench-floor` (also needs TRADEPOST_PUBLIC_DEMO=1). */
  TRADEPOST_BENCH_FLOOR: flag('0'),
  /** The Playwright suite only: serves `/p/<slug>/error-probe` and `/admin/error-probe`, pages that throw (also needs TRADEPOST_PUBLIC_DEMO=1). */
  TRADEPOST_ERROR_PROBE: flag('0'),
  PORT: withDefault(z.coerce.number().int().min(1).max(65535), 3000),
  AUTH_SECRET: optional(z.string()),
  APP_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  APP_HOSTS: list(hostName),
  /** Reverse proxies in front of the app whose X-Forwarded-For entries are believed (lib/auth/client-address.ts). */
  /** What the logger writes (lib/logging/logger.ts): fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  TRUSTED_PROXY_HOPS: withDefault(z.coerce.number().int().min(0).max(10), 0),
  /** Password hashes one process runs at once; a sign-in beyond that is answered "busy" (lib/auth/hash-slots.ts). */
  PASSWORD_HASH_CONCURRENCY: withDefault(z.coerce.number().int().min(1).max(64), 2),
  RESEND_API_KEY: optional(z.string()),
  RESEND_BASE_URL: optional(z.url()),
  EMAIL_FROM: withDefault(z.string().max(320), 'Tradepost <no-reply@tradepost.local>'),
  /** How long one send to the provider may take before it counts as failed and is retried later. */
  EMAIL_SEND_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(120_000), 30_000),
  /** The first retry of a refused send waits this long; each further retry doubles it (capped at an hour). */
  EMAIL_RETRY_BASE_SECONDS: withDefault(z.coerce.number().int().min(1).max(3600), 30),
  /** How often each instance looks for due emails in the outbox. */
  EMAIL_DISPATCH_INTERVAL_MS: withDefault(z.coerce.number().int().min(100).max(60_000), 2000),
  /** On SIGTERM, how long readiness answers 503 while requests are still served, so a load balancer stops sending new ones. */
  SHUTDOWN_DRAIN_MS: withDefault(z.coerce.number().int().min(0).max(120_000), 3000),
  /** On SIGTERM, how long in-flight requests and the email send in progress may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(300_000), 20_000),
  /** Resolvers for custom-domain ownership checks; unset means the system's (/etc/resolv.conf). */
  DNS_SERVERS: list(dnsServer),
  /** Where uploaded photos are kept: in the database (bytea) or as files under PHOTO_DIR. */
  PHOTO_STORAGE: withDefault(z.enum(['database', 'disk']), 'database'),
  /** The photo folder under PHOTO_STORAGE=disk (an absolute path in production; `.data/photos` in development). */
  PHOTO_DIR: optional(z.string()),
});

const envKeys = Object.keys(schema.shape);

export type Env = z.output<typeof schema>;

export const DEVELOPMENT_AUTH_SECRET = 'tradepost-development-secret-do-not-use-in-production';
const placeholderSecrets = ['changeme', 'secret', 'password', 'replace-me', 'your-secret', DEVELOPMENT_AUTH_SECRET];
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type EnvReading = { env: Env; problems: string[] };

/**
 * Parses an environment. A variable that fails its check is named in
 * `problems` and read as unset, so one bad value never hides the others.
 */
export function readEnv(source: Record<string, string | undefined> = process.env): EnvReading {
  const problems: string[] = [];
  const values: Record<string, unknown> = { ...source };
  let parsed = schema.safeParse(values);
  while (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])} ${issue.message}`);
    for (const name of bad) delete values[name];
    parsed = schema.safeParse(values);
  }
  return { env: parsed.data, problems: [...new Set(problems)] };
}

/** Why a secret is too weak to sign sessions with, or null. */
export function weakSecretReason(secret: string): string | null {
  if (placeholderSecrets.includes(secret.trim().toLowerCase())) return 'is a placeholder';
  if (secret.length < 32) return `is ${secret.length} characters long; use at least 32`;
  if (new Set(secret).size < 10) return 'repeats too few different characters';
  return null;
}

/** What a production start (`next start`) must not go without. Empty means it may start. */
export function productionProblems(reading: EnvReading): string[] {
  const { env } = reading;
  const problems = [...reading.problems];
  if (!env.AUTH_SECRET) {
    problems.push('AUTH_SECRET is not set: generate one with `openssl rand -base64 32`');
  } else {
    const weak = weakSecretReason(env.AUTH_SECRET);
    if (weak) problems.push(`AUTH_SECRET ${weak}: generate one with \`openssl rand -base64 32\``);
  }
  if (!env.APP_URL) {
    problems.push('APP_URL is not set: the public address of the app, e.g. https://portal.example.com (every link in an email starts with it)');
  } else {
    const url = new URL(env.APP_URL);
    if (url.pathname !== '/' || url.search || url.hash) problems.push('APP_URL must be an origin only, without a path, query or fragment');
    if (url.protocol !== 'https:' && !loopbackHosts.has(url.hostname)) {
      problems.push('APP_URL must use https:// (plain http is accepted only for localhost and 127.0.0.1)');
    }
  }
  if (env.DATABASE_REPLICA_URLS.length && !env.DATABASE_URL) {
    problems.push('DATABASE_REPLICA_URLS is set without DATABASE_URL: replicas need the PostgreSQL primary they replicate');
  }
  if (env.PHOTO_STORAGE === 'disk' && !env.PHOTO_DIR) {
    problems.push('PHOTO_DIR is not set: PHOTO_STORAGE=disk needs the absolute path of a folder the server can write (or set PHOTO_STORAGE=database)');
  }
  return problems;
}

/** PHOTO_DIR, when given, must be absolute in every environment: a relative one would move with the working directory. */
export function photoSettingProblems(e: Env): string[] {
  return e.PHOTO_DIR && !e.PHOTO_DIR.startsWith('/') ? ['PHOTO_DIR must be an absolute path (e.g. /var/lib/tradepost/photos)'] : [];
}

/**
 * The process's environment. Read on each call (a parse takes microseconds),
 * so a test that sets a variable sees it at once.
 */
let lastReading: { fingerprint: string; env: Env } | undefined;

/**
 * The environment, parsed. Every render asks several times, so the parse is
 * kept while the variables it reads are unchanged (tests change them).
 */
export function env(): Env {
  const fingerprint = envKeys.map((k) => process.env[k] ?? '\u0000').join('\u0001');
  if (lastReading?.fingerprint !== fingerprint) lastReading = { fingerprint, env: readEnv().env };
  return lastReading.env;
}

/** True in a server started by `next start` (not while `next build` runs). */
export function isProductionServer(e: Env = env()): boolean {
  return e.NODE_ENV === 'production' && e.NEXT_PHASE !== 'phase-production-build';
}

/** The floor page of `npm run bench` exists only in a benchmark run: its flag and the demo opt-in (bench databases hold the demo). */
export function benchFloorEnabled(e: Env = env()): boolean {
  return e.TRADEPOST_BENCH_FLOOR === '1' && e.TRADEPOST_PUBLIC_DEMO === '1';
}

/** Whether the error-probe pages throw (the error pages' end-to-end check); gated like the bench floor. */
export function errorProbeEnabled(e: Env = env()): boolean {
  return e.TRADEPOST_ERROR_PROBE === '1' && e.TRADEPOST_PUBLIC_DEMO === '1';
}

/** The public origin every absolute link starts with: APP_URL, or the local development server. */
export function appOrigin(e: Env = env()): string {
  return e.APP_URL ? new URL(e.APP_URL).origin : `http://localhost:${e.PORT}`;
}

/** Served over HTTPS: cookies are `Secure` and carry the `__Host-` prefix, and HSTS is sent. */
export function servedOverHttps(e: Env = env()): boolean {
  return appOrigin(e).startsWith('https://');
}
