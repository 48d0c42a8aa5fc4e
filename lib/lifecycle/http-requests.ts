import http from 'node:http';
import { env } from '@/lib/env';
import { logger } from '@/lib/logging/logger';
import { runWithRequestContext, sellerOfPath, type RequestContext } from '@/lib/logging/request-context';
import { REQUEST_ID_HEADER, REQUEST_ID_STAMP, chooseRequestId } from '@/lib/logging/request-id';

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
 *
 * It also gives each request its id (lib/logging/request-id.ts: stamped on the
 * request for the proxy, sent back as `X-Request-Id`), runs the request inside
 * its log context, and writes one `request` line when the response is done.
 */
export function trackRequests(): void {
  const proto = http.Server.prototype as http.Server & { [patched]?: true };
  if (proto[patched]) return;
  const emit = proto.emit;
  proto.emit = function trackedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      tracking.servers.add(this);
      const req = args[0] as http.IncomingMessage;
      const res = args[1] as http.ServerResponse;
      tracking.inFlight++;
      const context = startRequest(req, res);
      // While draining, every answer tells the client to open a new connection (to another instance).
      if (tracking.draining && !res.headersSent) res.setHeader('Connection', 'close');
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        tracking.inFlight--;
        logRequest(context, res);
        if (tracking.inFlight === 0) for (const resolve of tracking.idle) resolve();
      };
      res.once('finish', finished);
      res.once('close', finished);
      return runWithRequestContext(context, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  proto[patched] = true;
}

type TimedContext = RequestContext & { started: bigint };

function trustedProxyHops(): number {
  try {
    return env().TRUSTED_PROXY_HOPS;
  } catch {
    return 0; // a configuration that does not parse stops the start anyway; trust nothing meanwhile
  }
}

/** The id and log context of a request as it arrives. */
function startRequest(req: http.IncomingMessage, res: http.ServerResponse): TimedContext {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId = chooseRequestId(typeof incoming === 'string' ? incoming : null, trustedProxyHops());
  req.headers[REQUEST_ID_STAMP] = requestId;
  if (!res.headersSent) res.setHeader('X-Request-Id', requestId);
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return { requestId, method: req.method ?? 'GET', path: query < 0 ? url : url.slice(0, query), started: process.hrtime.bigint() };
}

/** The one `request` line: id, method, path (never the query string: links carry tokens there), status, duration, seller. */
export function requestLine(context: RequestContext & { started: bigint }, status: number, finished: boolean, now = process.hrtime.bigint()) {
  const durationMs = Math.round(Number(now - context.started) / 1e4) / 100;
  const seller = sellerOfPath(context.route ?? context.path);
  return {
    requestId: context.requestId,
    method: context.method,
    path: context.path,
    ...(context.route && context.route !== context.path ? { route: context.route } : {}),
    status,
    durationMs,
    ...(seller ? { seller } : {}),
    ...(finished ? {} : { aborted: true }),
  };
}

function logRequest(context: TimedContext, res: http.ServerResponse): void {
  const line = requestLine(context, res.statusCode, res.writableFinished);
  const level = line.status >= 500 ? 'error' : 'info';
  logger[level](line, 'request');
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
