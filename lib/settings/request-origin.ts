import 'server-only';
import { headers } from 'next/headers';

/** The origin the visitor used (behind a proxy too), e.g. `https://app.example.com`. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost:3000';
  const forwarded = h.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  return `${forwarded || (local ? 'http' : 'https')}://${host}`;
}
