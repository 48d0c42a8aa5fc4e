import http from 'node:http';

const patched = Symbol.for('tradepost.requestTracking');

type Tracking = { servers: Set<http.Server>; inFlight: number; draining: boolean; idle: Set<() => void> };
const holder = globalThis as typeof globalThis & { __tradepostRequests?: Tracking };
const tracking = (holder.__tradepostRequests ??= { servers: new Set(), inFlight: 0, draining: false, idle: new Set() });

/**
 * Next.js owns the HTTP server of `next start` and hands us neither it nor the
 * end of a request, so, like the socket stamp (lib/auth/socket-stamp.ts), the
 * server prototype's `emit` notes each server that answers a request and
 * counts the requests in flight. Graceful shutdown (./shutdown.ts) closes
 * those servers and waits for the count to reach zero.
 */
export function trackRequests(): void {
  const proto = http.Server.prototype as http.Server & { [patched]?: true };
  if (proto[patched]) return;
  const emit = proto.emit;
  proto.emit = function trackedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      tracking.servers.add(this);
      const res = args[1] as http.ServerResponse;
      tracking.inFlight++;
      // While draining, every answer tells the client to open a new connection (to another instance).
      if (tracking.draining && !res.headersSent) res.setHeader('Connection', 'close');
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        tracking.inFlight--;
        if (tracking.inFlight === 0) for (const resolve of tracking.idle) resolve();
      };
      res.once('finish', finished);
      res.once('close', finished);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  proto[patched] = true;
}

export function requestsInFlight(): number {
  return tracking.inFlight;
}

/** From now on every response closes its connection (keep-alive clients reconnect elsewhere). */
export function closeConnectionsAfterEachResponse(): void {
  tracking.draining = true;
}

/** Stops accepting connections on every server seen, closes idle keep-alive ones, and resolves when no request is in flight (or after `timeoutMs`). */
export async function closeServersAndWait(timeoutMs: number): Promise<'finished' | 'timed out'> {
  for (const server of tracking.servers) {
    server.close();
    server.closeIdleConnections();
  }
  if (tracking.inFlight === 0) return 'finished';
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      tracking.idle.delete(done);
      resolve('finished');
    };
    const timer = setTimeout(() => {
      tracking.idle.delete(done);
      resolve('timed out');
    }, timeoutMs);
    tracking.idle.add(done);
  });
}
