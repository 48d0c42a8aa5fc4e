import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '../../support/processes';

/**
 * The email provider as the suite attacks it: a Resend stand-in (reached by
 * the app through RESEND_BASE_URL and the real `resend` SDK) that records
 * every accepted message and can be switched, from the tests, to answer 500
 * or to hang past the app's timeout, and back. Switched over HTTP
 * (`POST /__mode`), because the tests run in other processes than the one
 * that started it.
 *
 * Like Resend, it honours the `Idempotency-Key` header: a request repeating
 * a key it has accepted (an app that sent, then lost the answer or could not
 * record it, and sends again) is answered with the first answer and not
 * delivered again; the same key with another message is refused (409).
 * Such replays are counted, so the suite reports them.
 */
export type ProviderMode = 'up' | 'error' | 'hang';
export type AcceptedEmail = { id: string; to: string[]; subject: string; text: string; idempotencyKey?: string };

export async function startMailProvider(port = 0) {
  let mode: ProviderMode = 'up';
  const accepted: AcceptedEmail[] = [];
  let refused = 0;
  let replays = 0;
  const byKey = new Map<string, { id: string; body: string }>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/__mode' && req.method === 'POST') {
        mode = (JSON.parse(raw) as { mode: ProviderMode }).mode;
        if (mode !== 'hang') for (const r of hanging) r.destroy();
        res.end(JSON.stringify({ mode }));
        return;
      }
      if (req.url === '/__accepted') {
        res.end(JSON.stringify({ accepted, refused, replays }));
        return;
      }
      if (req.method !== 'POST' || req.url !== '/emails') {
        res.statusCode = 404;
        res.end(JSON.stringify({ name: 'not_found', message: 'Unknown route', statusCode: 404 }));
        return;
      }
      if (mode === 'hang') {
        refused++;
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return; // never answers
      }
      if (mode === 'error') {
        refused++;
        res.statusCode = 500;
        res.end(JSON.stringify({ name: 'internal_server_error', message: 'The stand-in is down', statusCode: 500 }));
        return;
      }
      const body = JSON.parse(raw) as { to: string | string[]; subject: string; text: string };
      const key = req.headers['idempotency-key'];
      const earlier = typeof key === 'string' ? byKey.get(key) : undefined;
      if (earlier) {
        if (earlier.body !== raw) {
          res.statusCode = 409;
          res.end(JSON.stringify({ name: 'invalid_idempotent_request', message: 'Same idempotency key, another message', statusCode: 409 }));
          return;
        }
        replays++;
        res.end(JSON.stringify({ id: earlier.id }));
        return;
      }
      const id = `rel-${accepted.length + 1}`;
      if (typeof key === 'string') byKey.set(key, { id, body: raw });
      accepted.push({
        id,
        to: Array.isArray(body.to) ? body.to : [body.to],
        subject: body.subject,
        text: body.text,
        idempotencyKey: typeof key === 'string' ? key : undefined,
      });
      res.end(JSON.stringify({ id }));
    });
  });
  const wanted = port || (process.env.TEST_PORTS ? await freePort() : 0);
  await new Promise<void>((resolve) => server.listen(wanted, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The tests' side: switch the provider and read what it accepted. */
export function mailProvider(url: string) {
  return {
    async setMode(mode: ProviderMode) {
      await fetch(`${url}/__mode`, { method: 'POST', body: JSON.stringify({ mode }) });
    },
    async accepted(): Promise<{ accepted: AcceptedEmail[]; refused: number; replays: number }> {
      return (await fetch(`${url}/__accepted`)).json() as Promise<{ accepted: AcceptedEmail[]; refused: number; replays: number }>;
    },
  };
}
