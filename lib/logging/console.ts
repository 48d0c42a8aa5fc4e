import { format } from 'node:util';
import type { Logger } from 'pino';

const routed = Symbol.for('tradepost.consoleRouted');

/**
 * In production every `console.*` call (ours, Next's, a library's) becomes a
 * JSON line of the logger, so no plain-text line escapes and every line goes
 * through the same redaction. An Error among the arguments keeps its stack as `err`.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const target = console as Console & { [routed]?: true };
  if (target[routed]) return;
  const levels = { log: 'info', info: 'info', debug: 'debug', trace: 'trace', warn: 'warn', error: 'error' } as const;
  for (const [method, level] of Object.entries(levels) as [keyof typeof levels, (typeof levels)[keyof typeof levels]][]) {
    target[method] = (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const msg = rest.length ? format(...rest) : (err?.message ?? '');
      if (err) logger[level]({ err, console: method }, msg);
      else logger[level]({ console: method }, msg);
    };
  }
  target[routed] = true;
}
