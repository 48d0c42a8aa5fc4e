import { appHosts, isAppHost, isIpAddress } from '@/lib/app-hosts';

/**
 * A custom domain for a seller's portal: a public DNS name such as
 * `portal.acme.com` (no scheme, port, path or IP address), stored lower case.
 * Never the app's own host or a name under it: the proxy would route the
 * back office of every seller to that portal.
 */
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Names that never resolve on the public internet (RFC 6761, 6762, 7686, 8375,
 * 9476 and common private zones), so nobody can prove them in public DNS; on
 * the server's own network they may well mean something else. `.test` and
 * `.example` stay allowed for test and demo installs: public resolvers answer
 * NXDOMAIN for them, so they can only verify against a resolver the operator
 * configured (DNS_SERVERS).
 */
const privateZones = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'home', 'corp', 'private', 'invalid', 'onion', 'alt', 'arpa'];

export type HostNameCheck = { ok: true; host: string } | { ok: false; error: string };

const EXAMPLE = 'such as portal.example.com';

export function checkHostName(raw: string, options: { ownHosts?: ReadonlySet<string> } = {}): HostNameCheck {
  const host = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!host) return { ok: false, error: `Enter a domain ${EXAMPLE}.` };
  if (isIpAddress(host)) {
    return { ok: false, error: `Enter a domain name ${EXAMPLE}, not an IP address.` };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host) || /[/:?#@\s\\[\]]/.test(host)) {
    return { ok: false, error: `Enter only the host name, ${EXAMPLE}, without https://, a port or a path.` };
  }
  if (host.length > 253) return { ok: false, error: 'That domain is too long.' };
  const labels = host.split('.');
  const zone = labels[labels.length - 1]!;
  if (privateZones.includes(zone)) {
    return {
      ok: false,
      error: `${host} is not a public domain: names ending in .${zone} never resolve on the internet. Enter a domain your customers can reach, ${EXAMPLE}.`,
    };
  }
  if (labels.length < 2 || !labels.every((l) => label.test(l)) || !topLevel.test(zone)) {
    return { ok: false, error: `Enter a valid domain ${EXAMPLE}.` };
  }
  const ownHosts = options.ownHosts ?? appHosts();
  if (isAppHost(host, ownHosts)) {
    const what = ownHosts.has(host) ? "Tradepost's own address" : "under Tradepost's own address";
    return { ok: false, error: `${host} is ${what}, not a domain of yours. Enter a domain your company owns, ${EXAMPLE}.` };
  }
  return { ok: true, host };
}
