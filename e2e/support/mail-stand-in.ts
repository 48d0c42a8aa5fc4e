/**
 * The Resend stand-in for the Playwright suite, as its own process: the
 * production server sends every email to it through the real `resend` SDK
 * (RESEND_BASE_URL), and specs read what was sent from `GET /emails?to=`.
 * A production build has no development mailbox, so this is how a spec
 * reads an invitation or a reset link.
 *
 *   tsx e2e/support/mail-stand-in.ts <port>
 */
import http from 'node:http';

type Sent = { id: string; at: string; from: string; to: string[]; subject: string; html: string; text: string };

const port = Number(process.argv[2] ?? 3211);
const sent: Sent[] = [];

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && url.pathname === '/health') return answer(200, { ok: true });
  if (req.method === 'GET' && url.pathname === '/emails') {
    const to = url.searchParams.get('to')?.toLowerCase();
    const found = to ? sent.filter((m) => m.to.some((r) => r.toLowerCase() === to)) : sent;
    return answer(200, [...found].reverse());
  }
  if (req.method === 'POST' && url.pathname === '/emails') {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as { from: string; to: string | string[]; subject: string; html: string; text: string };
      const id = `stand-in-${sent.length + 1}`;
      sent.push({ id, at: new Date().toISOString(), ...body, to: Array.isArray(body.to) ? body.to : [body.to] });
      answer(200, { id });
    });
    return;
  }
  answer(404, { name: 'not_found', message: 'Unknown route', statusCode: 404 });
});

server.listen(port, '127.0.0.1', () => console.log(`mail stand-in on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
