import { appOrigin } from './env';

/**
 * The one builder of absolute URLs that leave the app (emails, invoices,
 * PDFs, the portal URL shown to staff). They come from configuration only:
 * APP_URL, or a seller's custom domain once its ownership is verified. Never
 * from `Host`, `X-Forwarded-*` or `Origin`, which any client can write.
 */

/** `path` (starting with `/`) on the app's own public origin. */
export function publicUrl(path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`publicUrl needs an absolute path, got ${path}`);
  return new URL(path, appOrigin()).toString();
}

/** What a portal link needs to know about its seller. */
export type PortalAddress = {
  slug: string;
  /** The seller's custom domain, only when its ownership is verified; else null. */
  verifiedDomain?: string | null;
};

/**
 * `path` inside a seller's portal (`''` for its For Sale page, `/orders`, …):
 * on the seller's verified custom domain at its root, else `APP_URL/p/{slug}`.
 */
export function portalUrl(portal: PortalAddress, path = ''): string {
  if (path && !path.startsWith('/')) throw new Error(`portalUrl needs a path starting with /, got ${path}`);
  if (portal.verifiedDomain) return new URL(path || '/', `https://${portal.verifiedDomain}`).toString();
  return publicUrl(`/p/${encodeURIComponent(portal.slug)}${path}`);
}
