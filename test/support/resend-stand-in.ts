import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedEmail = {
  headers: http.IncomingHttpHeaders;
  body: { from: string; to: string | string[]; subject: string; html: string; text: string; reply_to?: string | string[] };
};

/**
 * A local stand-in for the Resend API: records every POST /emails and answers
 * like Resend does (200 with an id), or with the failures queued by `failNext`.
 * Reached through RESEND_BASE_URL, so the real `resend` SDK talks to it.
 */
export async function startResendStandIn() {
  const requests: RecordedEmail[] = [];
  const failures: number[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== '/emails') {
        res.statusCode = 404;
        res.end(JSON.stringify({ name: 'not_found', message: 'Unknown route', statusCode: 404 }));
        return;
      }
      requests.push({ headers: req.headers, body: JSON.parse(raw) });
      const failure = failures.shift();
      if (failure) {
        res.statusCode = failure;
        res.end(JSON.stringify({ name: 'internal_server_error', message: 'The stand-in is down', statusCode: failure }));
        return;
      }
      res.end(JSON.stringify({ id: `stand-in-${requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The next `count` requests answer with `status`. */
    failNext(count: number, status = 500) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
