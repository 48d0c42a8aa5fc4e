import { NextResponse, type NextRequest } from 'next/server';
import { appHosts, isAppHost, isIpAddress, normalizeHost } from '@/lib/app-hosts';

/**
 * Custom domains: a seller's verified host name serves its portal at the
 * root, `/cart` there being `/p/{slug}/cart` here, and nothing else of the app.
 *
 * Which seller owns a host comes from one table of every verified domain,
 * loaded from the database in bulk and kept a few seconds: a request for an
 * unknown host (however many random ones a client sends) costs a map lookup,
 * and the database sees at most one query per app instance per TTL. Several
 * instances on one PostgreSQL each reload on their own, so a domain that is
 * removed or changed stops being served everywhere within the TTL.
 */

export { appHosts, normalizeHost };

/** `/cart` on a seller's domain is `/p/{slug}/cart` in the app. */
export function portalPathFor(slug: string, pathname: string): string {
  return `/p/${slug}${pathname === '/' ? '' : pathname}`;
}

/** What a path on the custom domain of `slug` serves. */
export type CustomDomainPath = { pathname: string; rewrite: boolean } | 'not-found';

/**
 * A custom domain answers with its seller's portal and the static files it
 * needs, nothing else: the back office, the staff and internal APIs, the
 * development pages and every other seller's portal answer 404 there, because
 * the domain's owner controls its DNS and TLS and could read what they see.
 * `/p/{own slug}/…` stays (portal pages link that way), as does the cart
 * badge's `/api/portal/{own slug}/cart`. The customer Auth.js endpoints
 * (`/api/auth/customer/…`) are not needed there: portal sign-in and sign-out
 * are server actions on the portal pages.
 */
export function customDomainPath(slug: string, pathname: string): CustomDomainPath {
  if (pathname.startsWith('/_next/') || pathname === '/favicon.ico') return { pathname, rewrite: false };
  const portal = /^\/p(?:\/([^/]*))?(?:\/|$)/.exec(pathname);
  if (portal) return portal[1] === slug ? { pathname, rewrite: false } : 'not-found';
  if (pathname === `/api/portal/${slug}` || pathname.startsWith(`/api/portal/${slug}/`)) return { pathname, rewrite: false };
  if (/^\/(admin|api|dev)(\/|$)/.test(pathname)) return 'not-found';
  return { pathname: portalPathFor(slug, pathname), rewrite: true };
}

export type VerifiedDomainRow = { domain: string; slug: string };

/** Thrown when the domain table has not loaded for too long to trust the last copy. */
export class DomainTableUnavailable extends Error {
  constructor(cause?: unknown) {
    super('The list of custom domains could not be loaded', { cause });
    this.name = 'DomainTableUnavailable';
  }
}

export type DomainTable = {
  /** The slug of the seller whose verified domain `host` is, or null. */
  slugFor(host: string): Promise<string | null>;
};

/**
 * Every verified domain in one map, reloaded when older than `ttlMs` (one load
 * at a time, shared by concurrent requests). When a reload fails the last map
 * serves up to `maxStaleMs` after it was loaded and a new try waits `retryMs`;
 * past that, lookups throw rather than guess.
 */
export function createDomainTable(options: {
  load: () => Promise<VerifiedDomainRow[]>;
  ttlMs?: number;
  maxStaleMs?: number;
  retryMs?: number;
  now?: () => number;
}): DomainTable {
  const ttl = options.ttlMs ?? 5_000;
  const maxStale = options.maxStaleMs ?? 30_000;
  const retry = options.retryMs ?? 1_000;
  const now = options.now ?? (() => Date.now());
  let domains: Map<string, string> | null = null;
  let loadedAt = 0;
  let failedAt: number | null = null;
  let lastError: unknown;
  let loading: Promise<void> | null = null;

  const reload = () =>
    options
      .load()
      .then(
        (rows) => {
          domains = new Map(rows.map((r) => [r.domain, r.slug]));
          loadedAt = now();
          failedAt = null;
        },
        (error: unknown) => {
          failedAt = now();
          lastError = error;
          console.error('[tradepost] loading the custom domains failed', error);
        },
      )
      .finally(() => {
        loading = null;
      });

  return {
    async slugFor(host) {
      if (domains && now() - loadedAt < ttl) return domains.get(host) ?? null;
      if (!loading && (failedAt === null || now() - failedAt >= retry)) loading = reload();
      if (loading) await loading;
      if (domains && now() - loadedAt < maxStale) return domains.get(host) ?? null;
      throw new DomainTableUnavailable(lastError);
    },
  };
}

/** The process's table, read through the app's one database handle (`getDb`, a singleton per process). */
const verifiedDomains = createDomainTable({
  load: async () => {
    const [{ getDb }, { listVerifiedDomains }] = await Promise.all([import('@/db'), import('@/db/queries/sellers')]);
    return listVerifiedDomains(await getDb());
  },
});

/** Whether a Host could be a seller's domain at all; IP addresses and the app's own names never are. */
function mayBeCustomDomain(host: string | null, ownHosts: ReadonlySet<string>): host is string {
  return host !== null && host.includes('.') && !isIpAddress(host) && !isAppHost(host, ownHosts);
}

const answer = (status: 404 | 503, text: string, headers: Record<string, string> = {}) =>
  new NextResponse(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/**
 * The proxy's routing by Host. On the app's own hosts (and names under them)
 * and on hosts that are no seller's verified domain, the path is served as
 * asked, without rewriting, whatever sellers have stored. On a verified custom
 * domain, see `customDomainPath`. Answers 404 for paths a custom domain does not
 * serve, and 503 while the domain table cannot be loaded (a custom domain must
 * not fall back to serving the whole app).
 */
export async function routeByHost(
  request: NextRequest,
  options: { table?: DomainTable; ownHosts?: ReadonlySet<string> } = {},
): Promise<{ pathname: string; rewrite: boolean } | NextResponse> {
  const { pathname } = request.nextUrl;
  const host = normalizeHost(request.headers.get('host'));
  if (!mayBeCustomDomain(host, options.ownHosts ?? appHosts())) return { pathname, rewrite: false };
  let slug: string | null;
  try {
    slug = await (options.table ?? verifiedDomains).slugFor(host);
  } catch (error) {
    if (error instanceof DomainTableUnavailable) return answer(503, 'Service unavailable', { 'retry-after': '5' });
    throw error;
  }
  if (!slug) return { pathname, rewrite: false };
  const route = customDomainPath(slug, pathname);
  return route === 'not-found' ? answer(404, 'Not found') : route;
}
