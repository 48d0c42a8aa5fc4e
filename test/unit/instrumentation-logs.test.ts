import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeConsoleToLogger } from '@/lib/logging/console';
import { createLogger, logger } from '@/lib/logging/logger';
import { authLogger } from '@/lib/auth/logger';
import { onRequestError } from '@/instrumentation';
import { Writable } from 'node:stream';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("Next's onRequestError, Auth.js and console, routed to the logger", () => {
  it('logs a request error with the route and the error, without the query string or the headers', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    const error = vi.spyOn(logger, 'error');
    const boom = new Error('render failed');
    await onRequestError(
      boom,
      { path: '/p/acme/reset-password?token=abcdefghijklmnopqrstuvwxyz', method: 'GET', headers: { cookie: 'tp-customer-session=x' } },
      { routerKind: 'App Router', routePath: '/p/[slug]/reset-password', routeType: 'render', renderSource: 'react-server-components', revalidateReason: undefined },
    );
    expect(error).toHaveBeenCalledWith(
      { err: boom, method: 'GET', path: '/p/acme/reset-password', routePath: '/p/[slug]/reset-password', routeType: 'render', routerKind: 'App Router' },
      'request error',
    );
  });

  it("keeps a wrong password out of Auth.js's errors and logs the others", () => {
    const error = vi.spyOn(logger, 'error');
    const wrong = Object.assign(new Error('CredentialsSignin'), { type: 'CredentialsSignin' });
    authLogger!.error!(wrong);
    expect(error).not.toHaveBeenCalled();
    const config = Object.assign(new Error('bad config'), { type: 'Configuration' });
    authLogger!.error!(config);
    expect(error).toHaveBeenCalledWith({ err: config, authType: 'Configuration' }, 'auth error');
  });

  it('turns console calls into JSON lines at their level, an Error kept as err', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _e, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    const original = { ...console };
    try {
      routeConsoleToLogger(createLogger({ level: 'info', destination }));
      console.log('ready on %d', 3000);
      console.error('[email] dispatch failed', new Error('pool closed'));
      expect(lines[0]).toMatchObject({ level: 'info', msg: 'ready on 3000', console: 'log' });
      expect(lines[1]).toMatchObject({ level: 'error', msg: '[email] dispatch failed', err: { message: 'pool closed' } });
    } finally {
      Object.assign(console, original);
      delete (console as unknown as Record<symbol, unknown>)[Symbol.for('tradepost.consoleRouted')];
    }
  });
});
