import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCluster, type Cluster } from './support/cluster';
import { FORGED_HOST } from './support/journey';
import { PORTS } from './support/ports';

/**
 * Auth.js's own REST endpoints behind nginx: every redirect they answer goes
 * to APP_URL (or is relative), never to an instance's own address
 * (`http://localhost:<port>`) nor to a Host the client wrote.
 */
const context = inject('cluster');

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

describe('Auth.js endpoints behind nginx', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ name: 'auth', databaseUrl: context.databaseUrl, mailUrl: context.mailUrl, nginxPort: PORTS.auth.nginx, instancePorts: PORTS.auth.instances });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  for (const area of ['customer', 'staff'] as const) {
    it(`${area}: signin, callback and signout redirect to APP_URL, whatever Host the client sends`, async () => {
      const appUrl = cluster.nginx.origin;
      const base = `${appUrl}/api/auth/${area}`;
      const locations: string[] = [];
      for (const host of [undefined, FORGED_HOST]) {
        const headers: Record<string, string> = host ? { Host: host } : {};
        const csrf = await fetch(`${base}/csrf`, { headers });
        const { csrfToken } = (await csrf.json()) as { csrfToken: string };
        const cookie = cookiesOf(csrf).join('; ');
        const form = { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers };
        const answers = [
          await fetch(`${base}/signin`, { headers, redirect: 'manual' }),
          await fetch(`${base}/signin/password`, { method: 'POST', headers: form, body: new URLSearchParams({ csrfToken }), redirect: 'manual' }),
          await fetch(`${base}/callback/password`, {
            method: 'POST',
            headers: form,
            body: new URLSearchParams({ csrfToken, slug: 'acme', email: area === 'customer' ? 'buyer@contoso.example' : 'owner@acme.example', password: 'tradepost-demo' }),
            redirect: 'manual',
          }),
          await fetch(`${base}/signout`, { method: 'POST', headers: form, body: new URLSearchParams({ csrfToken }), redirect: 'manual' }),
        ];
        for (const answer of answers) {
          const location = answer.headers.get('location');
          if (location) locations.push(location);
        }
      }
      expect(locations.length).toBeGreaterThanOrEqual(6);
      // Absolute on APP_URL or relative, and no URL inside (a callbackUrl) elsewhere either.
      const instancePorts = PORTS.auth.instances.map(String);
      const elsewhere = locations.filter(
        (l) => !(l.startsWith('/') || l === appUrl || l.startsWith(`${appUrl}/`)) || /localhost|evil\.example/.test(decodeURIComponent(l)) || instancePorts.some((p) => decodeURIComponent(l).includes(`:${p}`)),
      );
      expect(elsewhere, locations.join('\n')).toEqual([]);
    });
  }
});
