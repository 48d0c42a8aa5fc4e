import { env, type Env } from './env';

/**
 * The app's own host names, and what counts as one. A seller may never claim
 * them as a custom domain, and the proxy never rewrites a request to them,
 * whatever a seller has stored.
 */

const hostNamePattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** A Host header reduced to a lower-case host name without port; null when it is not one (IPv6 literals included). */
export function normalizeHost(host: string | null | undefined): string | null {
  if (!host) return null;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return hostNamePattern.test(name) && name.length <= 253 ? name : null;
}

/**
 * Whether a name is an IP address in any spelling a URL parser or resolver
 * accepts: dotted IPv4, IPv6 (bracketed or not), and the numeric forms that
 * still mean an IPv4 address (`2130706433`, `127.1`, `0x7f.0.0.1`, `0177.0.0.1`):
 * WHATWG URL reads any host whose last label is a number as IPv4.
 */
export function isIpAddress(name: string): boolean {
  const bare = name.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  // IPv6 in any form (`::1`, `::ffff:127.0.0.1`, `fe80::1%eth0`); no host name has a colon.
  if (bare.includes(':') && /^[0-9a-f:.]+(%[a-z0-9._-]+)?$/.test(bare)) return true;
  const last = bare.split('.').pop() ?? '';
  return /^(0x[0-9a-f]*|[0-9]+)$/.test(last);
}

/** The app's own host names: loopback, APP_URL's host and every APP_HOSTS entry. */
export function appHosts(e: Env = env()): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1']);
  if (e.APP_URL) hosts.add(new URL(e.APP_URL).hostname.toLowerCase());
  for (const entry of e.APP_HOSTS) {
    const name = normalizeHost(entry);
    if (name) hosts.add(name);
  }
  return hosts;
}

/** Whether `host` is one of `hosts` or a name under one (`x.app.example` under `app.example`). */
export function isAppHost(host: string, hosts: ReadonlySet<string> = appHosts()): boolean {
  for (const own of hosts) {
    if (host === own || host.endsWith(`.${own}`)) return true;
  }
  return false;
}
