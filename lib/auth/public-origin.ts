import type { NextRequest } from 'next/server';
import { appOrigin } from '@/lib/env';

/**
 * Auth.js's REST endpoints (`/api/auth/{staff,customer}/…`) build every
 * redirect and default callback URL from the request's URL. Under
 * `next start` that is the server's own address (`http://localhost:<port>`),
 * which behind a load balancer is no address a browser can reach; and
 * building it from `Host` or `X-Forwarded-Host` (Auth.js's AUTH_URL-less
 * default) would let any client choose it. So the endpoints are served at
 * APP_URL's origin: the request is handed to Auth.js with that origin, as
 * next-auth itself does with AUTH_URL, but from the app's one setting. (The
 * auth endpoints are 404 on sellers' custom domains, so APP_URL is always
 * the right origin here.)
 *
 * A plain Request, not a NextRequest: NextURL writes 127.0.0.1 as
 * `localhost`, which is another origin for the browser's cookies.
 */
export async function atPublicOrigin(request: Request, origin: string = appOrigin()): Promise<Request> {
  const url = new URL(request.url);
  if (url.origin === origin) return request;
  const moved = new URL(`${url.pathname}${url.search}`, origin);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(moved, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
    signal: request.signal,
  });
}

type Handler = (request: NextRequest) => Promise<Response>;

/** Auth.js reads only what a Request has (next-auth's handlers touch `nextUrl` only when AUTH_URL is set, which this app never sets). */
export function servedAtPublicOrigin<T extends { GET: Handler; POST: Handler }>(handlers: T): T {
  const at = async (request: NextRequest) => (await atPublicOrigin(request)) as NextRequest;
  return { ...handlers, GET: async (request: NextRequest) => handlers.GET(await at(request)), POST: async (request: NextRequest) => handlers.POST(await at(request)) };
}
