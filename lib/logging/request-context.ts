import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line of one request carries. The HTTP server hook
 * (lib/lifecycle/http-requests.ts) runs each request inside it; the proxy adds
 * the route it resolved (a custom domain's `/cart` is `/p/acme/cart`).
 */
export type RequestContext = {
  requestId: string;
  method: string;
  /** The path asked for, without its query string. */
  path: string;
  /** The app's path when the proxy rewrote it (a seller's custom domain). */
  route?: string;
};

// On globalThis: the proxy, the pages and the server hook are separate bundles in one process.
const holder = globalThis as typeof globalThis & { __tradepostRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__tradepostRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The context of the request being served, if any (none in scripts, tests and background work). */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The seller slug of a portal path (`/p/acme/cart` → `acme`), or undefined. */
export function sellerOfPath(path: string): string | undefined {
  return /^\/p\/([^/?#]+)/.exec(path)?.[1];
}

/** The fields a log line of the current request adds: its id, and its seller when it has one. */
export function requestFields(): { requestId?: string; seller?: string } {
  const context = requestContext();
  if (!context) return {};
  const seller = sellerOfPath(context.route ?? context.path);
  return seller ? { requestId: context.requestId, seller } : { requestId: context.requestId };
}
