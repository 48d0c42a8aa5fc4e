import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { StaffSession } from '@/db/queries/accounts';
import { actionWrappers } from '@/lib/actions/wrappers';
import { trackRequests } from '@/lib/lifecycle/http-requests';
import { createLogger, logger, logLevelFrom } from '@/lib/logging/logger';
import { requestContext } from '@/lib/logging/request-context';
import { chooseRequestId } from '@/lib/logging/request-id';
import { DEMO_PASSWORD_TEXT } from '@/lib/logging/secrets';
import { Refusal } from '@/lib/refusal';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { scanTestLogs } from '@/scripts/scan-test-logs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A logger writing into an array of parsed lines. */
function capturingLogger(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level, destination }), lines, raw };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the logger', () => {
  it('writes one JSON object a line, level as a word, at LOG_LEVEL (info by default)', () => {
    const { log, lines } = capturingLogger();
    log.info({ orderId: 7 }, 'order placed');
    log.debug('not at info');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'order placed', orderId: 7 });
    expect(new Date(lines[0]!.time as string).getTime()).not.toBeNaN();
    expect(logLevelFrom(undefined)).toBe('info');
    expect(logLevelFrom('WARN')).toBe('warn');
    expect(logLevelFrom('loud')).toBe('info');
  });

  it('redacts password, token, secret, authorization, cookie and set-cookie fields, two levels deep', () => {
    const { log, raw, lines } = capturingLogger();
    log.info(
      {
        password: 'hunter2-pass',
        token: 'tok-value-1',
        input: { newPassword: 'hunter3-pass', secret: 'sec-value' },
        headers: { authorization: 'Bearer re_live_key', cookie: 'a=b', 'set-cookie': 'c=d' },
        req: { headers: { cookie: 'deep=cookie' } },
      },
      'fields',
    );
    const text = raw.join('');
    for (const secret of ['hunter2-pass', 'tok-value-1', 'hunter3-pass', 'sec-value', 're_live_key', 'a=b', 'c=d', 'deep=cookie']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ password: '[redacted]', headers: { authorization: '[redacted]', 'set-cookie': '[redacted]' } });
  });

  it('blanks the demo password, link tokens, session tokens and session cookies wherever they appear', () => {
    const { log, raw } = capturingLogger();
    const token = 'Q2hhbmdlLW1lLXBsZWFzZS0xMjM0NTY3ODkwYWJjZGVm';
    const session = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..abc.def.ghi';
    log.info({ detail: `sign-in with ${DEMO_PASSWORD}` }, `GET /p/acme/activate?token=${token}`);
    log.error(new Error(`cookie tp-customer-session=${session}; path=/`), 'failed');
    const text = raw.join('');
    expect(DEMO_PASSWORD).toBe(DEMO_PASSWORD_TEXT);
    for (const secret of [DEMO_PASSWORD, token, session, 'eyJhbGciOiJkaXIi']) expect(text, secret).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});

describe('the request line and the request id', () => {
  let server: http.Server;
  let origin: string;
  const seen: { context: ReturnType<typeof requestContext>; header: string | undefined }[] = [];

  beforeAll(async () => {
    trackRequests();
    server = http.createServer((req, res) => {
      seen.push({ context: requestContext() && { ...requestContext()! }, header: req.headers['x-tp-request-id'] as string | undefined });
      setTimeout(() => {
        res.statusCode = req.url?.startsWith('/missing') ? 404 : 200;
        res.end('ok');
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Requests `path` and returns the answer with the `request` line the server wrote for it. */
  async function requestAndLine(pathname: string, headers: Record<string, string> = {}) {
    const info = vi.spyOn(logger, 'info');
    const response = await fetch(`${origin}${pathname}`, { headers });
    await response.text();
    await vi.waitFor(() => expect(info.mock.calls.some((c) => c[1] === 'request')).toBe(true));
    const calls = info.mock.calls.filter((c) => c[1] === 'request');
    info.mockRestore();
    expect(calls).toHaveLength(1);
    return { response, line: calls[0]![0] as unknown as Record<string, unknown> };
  }

  it('writes one line per request: id (also in X-Request-Id), method, path without the query, status, duration, seller', async () => {
    const { response, line } = await requestAndLine('/p/acme/activate?token=secret-link-token-123456');
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(line).toMatchObject({ requestId: id, method: 'GET', path: '/p/acme/activate', status: 200, seller: 'acme' });
    expect(line.durationMs as number).toBeGreaterThanOrEqual(15);
    expect(JSON.stringify(line)).not.toContain('secret-link-token');
    // The request ran inside its context, and the proxy would read the same id from the stamp.
    expect(seen.at(-1)!.context).toMatchObject({ requestId: id, path: '/p/acme/activate' });
    expect(seen.at(-1)!.header).toBe(id);
  });

  it('names no seller outside the portal, and logs the status answered', async () => {
    const { line } = await requestAndLine('/missing/page');
    expect(line).toMatchObject({ path: '/missing/page', status: 404 });
    expect(line).not.toHaveProperty('seller');
  });

  it("replaces a client's X-Request-Id (and its stamp) unless TRUSTED_PROXY_HOPS > 0 and the id is sane", async () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '0');
    const untrusted = await requestAndLine('/admin', { 'x-request-id': 'client-chosen', 'x-tp-request-id': 'forged-stamp' });
    expect(untrusted.line.requestId).toMatch(UUID);
    expect(untrusted.response.headers.get('x-request-id')).toBe(untrusted.line.requestId);
    expect(seen.at(-1)!.header).toBe(untrusted.line.requestId);

    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    const trusted = await requestAndLine('/admin', { 'x-request-id': 'lb.req-42_A' });
    expect(trusted.line.requestId).toBe('lb.req-42_A');
    expect(trusted.response.headers.get('x-request-id')).toBe('lb.req-42_A');
    const insane = await requestAndLine('/admin', { 'x-request-id': 'x'.repeat(65) });
    expect(insane.line.requestId).toMatch(UUID);
  });

  it('chooses ids by the rule', () => {
    expect(chooseRequestId('abc', 0)).toMatch(UUID);
    expect(chooseRequestId('abc', 2)).toBe('abc');
    expect(chooseRequestId('a/b', 2)).toMatch(UUID);
    expect(chooseRequestId('', 2)).toMatch(UUID);
    expect(chooseRequestId(null, 2)).toMatch(UUID);
  });
});

describe('actions in the log', () => {
  const staff = { staffUserId: 7, sellerId: 1, name: 'Sam', email: 'sam@acme.test', role: 'owner' } as StaffSession;
  const { staffAction } = actionWrappers({
    requireStaff: async () => staff,
    requireCustomer: async () => {
      throw new Error('no customers here');
    },
  });
  const schema = z.object({ password: z.string(), quantity: z.coerce.number().int().min(1, 'Enter at least 1.') });

  it('logs a refusal as `action refused` with the action name and code, never the input', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const refuse = staffAction('changeThingAction', 'staff', schema, async () => {
      throw new Refusal('Not enough in stock.', { code: 'conflict' });
    });
    expect((await refuse({ password: 'typed-secret-99', quantity: 2 })).ok).toBe(false);
    expect(warn).toHaveBeenCalledWith({ action: 'changeThingAction', code: 'conflict' }, 'action refused');
    await refuse({ password: 'typed-secret-99', quantity: 0 });
    expect(warn).toHaveBeenLastCalledWith({ action: 'changeThingAction', code: 'invalid' }, 'action refused');
    expect(JSON.stringify(warn.mock.calls)).not.toContain('typed-secret-99');
  });

  it('logs an error as `action failed` with the error', async () => {
    const error = vi.spyOn(logger, 'error');
    const boom = new Error('database went away');
    const failing = staffAction('breakThingAction', 'staff', schema, async () => {
      throw boom;
    });
    expect((await failing({ password: 'typed-secret-99', quantity: 2 })).ok).toBe(false);
    expect(error).toHaveBeenCalledWith({ action: 'breakThingAction', err: boom }, 'action failed');
    expect(JSON.stringify(error.mock.calls)).not.toContain('typed-secret-99');
  });

  it('writes nothing for an action that succeeds', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const error = vi.spyOn(logger, 'error');
    await staffAction('fineAction', 'staff', schema, async () => ({ ok: true as const, data: 1 }))({ password: 'x', quantity: 1 });
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});

describe('scripts/scan-test-logs.ts', { timeout: 60_000 }, () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-scan-logs-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const run = (dir: string) =>
    promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/scan-test-logs.ts', dir]).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it('passes clean logs and refuses a file holding the demo password, naming file and line', async () => {
    fs.mkdirSync(path.join(folder, 'suite'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'suite', 'clean.log'), '{"level":"info","msg":"request","path":"/p/acme"}\n');
    const clean = await run(folder);
    expect(clean.code, clean.out).toBe(0);

    fs.writeFileSync(path.join(folder, 'suite', 'leak.log'), `{"msg":"ok"}\n{"msg":"signed in","password":"${DEMO_PASSWORD}"}\n`);
    const leaked = await run(folder);
    expect(leaked.code).toBe(1);
    expect(leaked.out).toContain('leak.log:2: the demo password');
    expect(leaked.out).not.toContain(DEMO_PASSWORD);
  });

  it('finds link tokens, session tokens and cookies, and refuses an empty folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-scan-logs-'));
    fs.writeFileSync(
      path.join(dir, 'a.log'),
      'GET /admin/reset-password?token=abcdefghijklmnopqrstuvwxyz012345\n' +
        'Cookie: tp-staff-session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x\n',
    );
    expect(scanTestLogs(dir).findings.map((f) => f.name)).toEqual([
      'a one-time link token',
      'a session token (JWE)',
      'a session cookie',
    ]);
    fs.rmSync(dir, { recursive: true });
    expect((await run(dir)).code).toBe(1);
  });
});
