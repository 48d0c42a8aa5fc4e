import net from 'node:net';

/**
 * A loopback TCP relay in front of PostgreSQL that reads the frontend
 * protocol the app sends and counts its statements: each Execute ('E', the
 * extended protocol postgres.js uses) and each simple Query ('Q'). The text
 * of each statement is kept too (from the Parse its Bind names), so a count
 * can say which statements it holds. Bytes pass through unchanged.
 */
export type StatementRelay = {
  url: string;
  /** Statements sent since the relay started. */
  count(): number;
  /** Statements by text since the relay started. */
  texts(): Map<string, number>;
  close(): Promise<void>;
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export async function statementRelay(databaseUrl: string): Promise<StatementRelay> {
  const target = new URL(databaseUrl);
  const texts = new Map<string, number>();
  let total = 0;
  const sockets = new Set<net.Socket>();
  const record = (text: string) => {
    total++;
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 300);
    texts.set(key, (texts.get(key) ?? 0) + 1);
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const parsed = new Map<string, string>(); // prepared statement name → text
    let boundText = '';
    let buffer: Buffer = Buffer.alloc(0);
    let startup = true;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (startup) {
          // Untyped: length, then a code (SSL/GSS requests come before the startup message itself).
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'Q') record(cString(body, 0).text);
        else if (type === 'P') {
          const name = cString(body, 0);
          parsed.set(name.text, cString(body, name.end).text);
        } else if (type === 'B') {
          const portal = cString(body, 0);
          boundText = parsed.get(cString(body, portal.end).text) ?? '(unknown statement)';
        } else if (type === 'E') record(boundText);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    count: () => total,
    texts: () => new Map(texts),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function cString(buffer: Buffer, start: number): { text: string; end: number } {
  const zero = buffer.indexOf(0, start);
  const end = zero === -1 ? buffer.length : zero;
  return { text: buffer.subarray(start, end).toString('utf8'), end: end + 1 };
}
