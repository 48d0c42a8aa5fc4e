import { isIPv4, isIPv6 } from 'node:net';
import { env } from '@/lib/env';

/**
 * The client's address for abuse limits, under one trust model:
 *
 * - By default (TRUSTED_PROXY_HOPS=0) no forwarding header is believed: any
 *   client can send X-Forwarded-For or X-Real-IP, and Next.js keeps a
 *   client-sent X-Forwarded-For (it fills it only when absent). The address is
 *   the TCP peer's, stamped on every request by instrumentation.ts
 *   (lib/auth/socket-stamp.ts), because Next gives route code no socket.
 * - Behind N reverse proxies that each append the address they saw
 *   (TRUSTED_PROXY_HOPS=N), the list [...X-Forwarded-For, socket] is read from
 *   the right, skipping the N proxies: with one proxy, the last X-Forwarded-For
 *   entry, the one that proxy wrote. Entries further left are the client's own
 *   words and never used while a trusted hop remains.
 *
 * X-Real-IP is never read: whether a proxy overwrote it cannot be told.
 */
export const SOCKET_ADDRESS_HEADER = 'x-tp-socket-address';

/**
 * Without the stamp (code run outside the server, e.g. a unit test, or a
 * request that reached us before instrumentation ran) every client shares
 * this one address. That fails safe: limits still hold, only more tightly.
 */
export const UNKNOWN_ADDRESS = 'unknown';

function clean(entry: string): string {
  let address = entry.trim();
  if (address.startsWith('[')) address = address.slice(1, address.indexOf(']') > 0 ? address.indexOf(']') : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, '');
  address = address.replace(/%.*$/, '').toLowerCase();
  if (address.startsWith('::ffff:') && isIPv4(address.slice(7))) address = address.slice(7);
  // Anything else a header may hold becomes a bounded key, never a huge one.
  return address.slice(0, 64);
}

/** The address a request came from, per the trust model above. */
export function clientAddress(headers: Headers, trustedProxyHops: number = env().TRUSTED_PROXY_HOPS): string {
  const socket = clean(headers.get(SOCKET_ADDRESS_HEADER) ?? '') || UNKNOWN_ADDRESS;
  if (trustedProxyHops <= 0) return socket;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map(clean)
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // Fewer entries than trusted hops: the leftmost one is the best we know.
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!;
}

/** Expands an IPv6 address to its eight groups, or null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  if (!isIPv6(address)) return null;
  let text = address;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (embedded) {
    const [a, b, c, d] = embedded[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -embedded[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => g.padStart(4, '0'));
}

/**
 * The part of an address that a limit counts: an IPv4 address as it is, an
 * IPv6 address by its /64 network, since one subscriber is usually given a
 * whole /64 and could otherwise take a fresh address for every guess.
 */
export function addressLimitKey(address: string): string {
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}
