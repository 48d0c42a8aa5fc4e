/**
 * Custom domains: a seller's own host name (sellers.custom_domain) serves its
 * portal at the root, `/cart` there being `/p/{slug}/cart` here. The proxy
 * resolves host names through the app's internal route and keeps the answers
 * (found or not) for a short time, so it asks at most once per host per TTL.
 */

/** A Host header reduced to a lower-case host name without port; null when it is not one. */
export function normalizeHost(host: string | null | undefined): string | null {
  if (!host) return null;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name) && name.length <= 253 ? name : null;
}

/** The app's own host names: never looked up as custom domains. */
export function appHosts(env: Record<string, string | undefined> = process.env): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1']);
  for (const url of [env.APP_URL, env.__NEXT_PRIVATE_ORIGIN]) {
    try {
      if (url) hosts.add(new URL(url).hostname.toLowerCase());
    } catch {
      // not a URL: ignore
    }
  }
  for (const h of (env.APP_HOSTS ?? '').split(',')) {
    const name = normalizeHost(h);
    if (name) hosts.add(name);
  }
  return hosts;
}

/** Paths a custom domain passes through untouched: portal paths, APIs and Next's own files. */
export function keepsPath(pathname: string): boolean {
  return /^\/(p|api|_next)(\/|$)/.test(pathname) || pathname === '/favicon.ico';
}

/** `/cart` on a seller's domain is `/p/{slug}/cart` in the app. */
export function portalPathFor(slug: string, pathname: string): string {
  return `/p/${slug}${pathname === '/' ? '' : pathname}`;
}

export type DomainResolver = (host: string) => Promise<string | null>;

/**
 * Wraps a lookup with an in-memory cache: answers live `ttlMs` (found or not),
 * a failed lookup is retried after `errorTtlMs`, concurrent lookups of one
 * host share a request, and at most `maxEntries` hosts are kept.
 */
export function createDomainResolver(options: {
  lookup: DomainResolver;
  ttlMs?: number;
  errorTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}): DomainResolver {
  const ttl = options.ttlMs ?? 30_000;
  const errorTtl = options.errorTtlMs ?? 5_000;
  const max = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { slug: string | null; expires: number }>();
  const pending = new Map<string, Promise<string | null>>();

  const remember = (host: string, slug: string | null, lifetime: number) => {
    cache.delete(host);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(host, { slug, expires: now() + lifetime });
  };

  return async (host) => {
    const hit = cache.get(host);
    if (hit && hit.expires > now()) return hit.slug;
    let request = pending.get(host);
    if (!request) {
      request = options
        .lookup(host)
        .then(
          (slug) => {
            remember(host, slug, ttl);
            return slug;
          },
          () => {
            remember(host, null, errorTtl);
            return null;
          },
        )
        .finally(() => pending.delete(host));
      pending.set(host, request);
    }
    return request;
  };
}

/** Asks the app's internal route which seller owns a host name. */
export function internalDomainLookup(env: Record<string, string | undefined> = process.env): DomainResolver {
  const origin = env.INTERNAL_APP_URL ?? env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${env.PORT ?? 3000}`;
  return async (host) => {
    const response = await fetch(`${origin}/api/internal/domain?host=${encodeURIComponent(host)}`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(2_000),
    });
    if (!response.ok) throw new Error(`domain lookup answered ${response.status}`);
    const body = (await response.json()) as { slug?: unknown };
    return typeof body.slug === 'string' ? body.slug : null;
  };
}
