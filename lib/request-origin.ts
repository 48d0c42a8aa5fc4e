import { headers } from 'next/headers';

/**
 * The origin the visitor used, for links in emails when APP_URL is not set.
 * Set APP_URL in production so that links never depend on a request's Host header.
 */
export async function requestOrigin(): Promise<string | undefined> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!host) return undefined;
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  return `${proto}://${host}`;
}
