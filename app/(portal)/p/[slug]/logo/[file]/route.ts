import { getDb } from '@/db';
import { findServedPortalLogo } from '@/db/queries/portal-logo';
import { logoFileHash } from '@/lib/portal/logo-path';

/**
 * A seller's logo, `/p/{slug}/logo/{sha256}.png`. Public: the sign-in page
 * shows it. The URL names the content, so it is cached for a year and never
 * revalidated; a new logo gets a new URL. An old hash, another seller's slug
 * or anything else answers 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  const sha256 = logoFileHash(file);
  const png = sha256 ? await findServedPortalLogo(await getDb(), { slug, sha256 }) : null;
  if (!png) {
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
  }
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${sha256}"`,
      'X-Content-Type-Options': 'nosniff',
      // Opened on its own, it is an image and nothing else.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
