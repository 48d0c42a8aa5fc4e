/**
 * The client's address for abuse limits. X-Real-IP (set by the reverse proxy)
 * wins; otherwise the last X-Forwarded-For entry, the one our own proxy (or
 * Next.js, from the socket) appended, rather than the first, which any client
 * can write. Run behind a proxy that sets one of them.
 */
export function clientAddress(headers: Headers): string {
  const realIp = headers.get('x-real-ip')?.trim();
  if (realIp) return realIp;
  const forwarded = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? 'unknown';
}
