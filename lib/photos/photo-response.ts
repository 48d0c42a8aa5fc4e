/**
 * The answer of a photo URL. The URL names the content, so a browser keeps it
 * a year without asking again; `private`, because who may see a photo is
 * decided per request (a signed-in buyer of an open portal, or staff of the
 * seller), so no shared cache may hold it for someone else.
 */
export function photoResponse(bytes: Uint8Array | null, etag: string, request: Request): Response {
  if (!bytes) {
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
  }
  const headers = {
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${etag}"`,
    'X-Content-Type-Options': 'nosniff',
    // Opened on its own, it is an image and nothing else.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (request.headers.get('if-none-match') === `"${etag}"`) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bytes), {
    headers: { ...headers, 'Content-Type': 'image/webp', 'Content-Length': String(bytes.byteLength) },
  });
}
