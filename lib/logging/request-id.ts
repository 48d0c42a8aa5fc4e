import { randomUUID } from 'node:crypto';

/** The header that carries the request id: to page, action and query code (`headers()`), and back to the client. */
export const REQUEST_ID_HEADER = 'x-request-id';
/**
 * The id the server hook chose, stamped on the request as it arrives
 * (overwriting whatever a client sent under this name), so the proxy uses the
 * same id the request's log line will carry.
 */
export const REQUEST_ID_STAMP = 'x-tp-request-id';

const SANE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id of a request: an incoming `X-Request-Id` is kept only when the
 * operator trusts proxies in front of the app (TRUSTED_PROXY_HOPS > 0, the
 * same setting that makes X-Forwarded-For believed) and it is a sane token
 * (at most 64 of A–Z a–z 0–9 . _ -); otherwise a fresh UUID. Without trusted
 * proxies any client could choose its id and tangle the logs.
 */
export function chooseRequestId(incoming: string | null | undefined, trustedProxyHops: number): string {
  if (trustedProxyHops > 0 && incoming && SANE.test(incoming)) return incoming;
  return randomUUID();
}
