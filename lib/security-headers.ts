/**
 * Security headers. Pages get them from the proxy (`pageSecurity`), with a
 * Content-Security-Policy whose script nonce is new on every response. Every
 * response gets the static ones from `next.config.ts` (`staticSecurityHeaders`
 * and `nonPageContentSecurityPolicy`), which matters where the proxy does not
 * run (APIs, Next's files); on pages the proxy's headers replace them.
 *
 * Relative imports only: next.config.ts loads this file too.
 */
import { env, servedOverHttps } from './env';

export type PolicyOptions = {
  /** Fresh per response: Next stamps it on its own scripts (it reads it from the request's CSP). */
  nonce: string;
  /** Served over https (APP_URL): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React and Next's overlay need eval and unnonced styles there, and only there. */
  dev: boolean;
};

/** 128 random bits, base64: unguessable, and in the form Next's nonce parser accepts. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The policy of an HTML page. */
export function contentSecurityPolicy({ nonce, https, dev }: PolicyOptions): string {
  const directives: string[] = [
    // Nothing loads unless a directive below names it (frames, media, workers, manifests: none used).
    "default-src 'none'",
    // Only scripts carrying this response's nonce run, and what they load ('strict-dynamic':
    // Next's runtime adds its chunks). 'self' is the fallback of browsers without 'strict-dynamic'.
    // Development only: React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Tailwind's stylesheet is a file; a <style> element needs the nonce. In development Next's
    // overlay and hot reload insert unnonced <style> elements (a nonce would turn 'unsafe-inline' off).
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // Style *attributes* are allowed: the seller's brand colour and status colours are data, set
    // as `style={{ color }}` by React. An attribute cannot load anything or read the page
    // (no selectors), so this lets no script or exfiltrating stylesheet in. Browsers that predate
    // style-src-attr fall back to style-src and merely lose those colours.
    "style-src-attr 'unsafe-inline'",
    // Seller logos: data: URLs today, a same-origin URL soon; blob: for a chosen file's preview.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Server actions, RSC navigations, the cart badge; in development also the hot-reload socket
    // (CSP3 'self' covers ws: on the same host and port).
    "connect-src 'self'",
    "object-src 'none'",
    // No page uses <base>: an injected one could redirect every relative script URL.
    "base-uri 'none'",
    // Every form posts to this origin (a seller's custom domain posts to itself).
    "form-action 'self'",
    // Never framed: clickjacking of the back office or the checkout.
    "frame-ancestors 'none'",
  ];
  // Over plain http (the loopback e2e server) it would send same-origin assets to an https port
  // that does not exist.
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * Headers identical on every response: next.config.ts sends them everywhere, the
 * proxy repeats them on pages (so a page's headers come from one place).
 */
export const staticSecurityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
  // The app uses none of these; loosen one here when a feature does. Clipboard writes (the copy
  // button) stay allowed by the browser's default.
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'bluetooth=()',
    'browsing-topics=()',
    'camera=()',
    'display-capture=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'publickey-credentials-get=()',
    'serial=()',
    'usb=()',
    'xr-spatial-tracking=()',
  ].join(', '),
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Responses that are not pages (JSON, CSV, PDF, Next's files): nothing in them may run, load or be framed. */
export const nonPageContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * One-time link pages (activation, sign-in link, password reset, new email) carry a token in their
 * URL. They declare `referrer: 'no-referrer'` in their metadata; the header says it too,
 * so it holds from the first byte rather than from wherever the <meta> lands in the stream.
 */
const oneTimeLinkPages = /^\/(admin|p\/[^/]+)\/(activate|sign-in-link|reset-password|confirm-email)(\/|$)/;

const HSTS = 'max-age=31536000';

type PageHeaders = Record<string, string> & { 'Content-Security-Policy': string };

/** Every header of a page response. */
export function securityHeaders(options: PolicyOptions & { pathname?: string }): PageHeaders {
  const headers: PageHeaders = {
    ...staticSecurityHeaders,
    'Content-Security-Policy': contentSecurityPolicy(options),
  };
  if (options.pathname && oneTimeLinkPages.test(options.pathname)) headers['Referrer-Policy'] = 'no-referrer';
  // Only when the app is served over https. Browsers ignore HSTS over plain http anyway
  // (RFC 6797 §8.1), and sending it from a loopback server would pin `localhost` to https
  // for a year the first time it is ever served over TLS, breaking every other local app.
  // A year, no includeSubDomains/preload: the subdomains of APP_URL's host and of a seller's
  // custom domain are not ours to pin.
  if (options.https) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}

/**
 * What the proxy does for one page request: `stamp` the policy on the request
 * headers (Next reads the nonce there while rendering), then `apply` the headers
 * to whatever response it returns (page, rewrite or redirect).
 */
export function pageSecurity(pathname: string) {
  const e = env();
  const nonce = createNonce();
  const headers = securityHeaders({ nonce, https: servedOverHttps(e), dev: e.NODE_ENV === 'development', pathname });
  return {
    nonce,
    stamp(requestHeaders: Headers): Headers {
      requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
      requestHeaders.set('x-nonce', nonce);
      return requestHeaders;
    },
    apply<T extends Response>(response: T): T {
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    },
  };
}
