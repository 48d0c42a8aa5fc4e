/**
 * A custom domain for a seller's portal: a plain host name such as
 * `portal.acme.com` (no scheme, port, path or IP address), stored lower case.
 */
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type HostNameCheck = { ok: true; host: string } | { ok: false; error: string };

export function checkHostName(raw: string): HostNameCheck {
  const host = raw.trim().toLowerCase().replace(/\.$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host) || /[/:?#@\s]/.test(host)) {
    return { ok: false, error: 'Enter only the host name, such as portal.example.com, without https://, a port or a path.' };
  }
  if (host.length > 253) return { ok: false, error: 'That domain is too long.' };
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => label.test(l)) || !topLevel.test(labels[labels.length - 1]!)) {
    return { ok: false, error: 'Enter a valid domain such as portal.example.com.' };
  }
  return { ok: true, host };
}
