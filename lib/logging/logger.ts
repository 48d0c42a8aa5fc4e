import pino, { type Logger } from 'pino';
import { requestFields } from './request-context';
import { withoutSecrets } from './secrets';

/**
 * The one logger: JSON lines on stdout, one object each, with `level` as a
 * word, an ISO `time`, `msg`, and the request id and seller of the request
 * being served (lib/logging/request-context.ts). `LOG_LEVEL` (default `info`;
 * `silent` in the test runs) chooses what is written.
 *
 * No secret is written: fields named like one are replaced by pino's redaction
 * wherever they sit (one level down; headers two), and every line is scrubbed of
 * secret-shaped text (the demo password, link tokens, session tokens and
 * cookies: lib/logging/secrets.ts) before it leaves.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const secretKeys = ['password', 'newPassword', 'currentPassword', 'token', 'secret', 'apiKey'];
/** Header names, also two levels deep (`req.headers.cookie`). */
const headerKeys = ['authorization', 'cookie', '"set-cookie"'];
const member = (key: string) => (key.startsWith('"') ? `[${key}]` : `.${key}`);
/**
 * Top level and one level down for every key, two levels for headers: each
 * wildcard level costs (all of them two levels deep made a line ~8× dearer).
 */
export const REDACTED_PATHS = [
  ...[...secretKeys, ...headerKeys].flatMap((key) => [key.startsWith('"') ? `[${key}]` : key, `*${member(key)}`]),
  ...headerKeys.map((key) => `*.*${member(key)}`),
];

export function logLevelFrom(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevel) : 'info';
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: logLevelFrom(options.level ?? process.env.LOG_LEVEL),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => requestFields(),
      hooks: { streamWrite: withoutSecrets },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const holder = globalThis as typeof globalThis & { __tradepostLogger?: Logger };
/** One logger per process, shared by the bundles of the server (proxy, pages, instrumentation). */
export const logger: Logger = (holder.__tradepostLogger ??= createLogger());
