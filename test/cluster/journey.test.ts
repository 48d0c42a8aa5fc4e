import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordFigure } from '../reliability/support/report';
import { startCluster, type Cluster } from './support/cluster';
import { shoppingJourney } from './support/journey';
import { PORTS } from './support/ports';

/** Two instances behind nginx with deploy/nginx/tradepost.conf: the buyer's journey, forged headers, what nginx adds. */
const context = inject('cluster');

describe('two instances behind nginx', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ name: 'journey', databaseUrl: context.databaseUrl, mailUrl: context.mailUrl, nginxPort: PORTS.journey.nginx, instancePorts: PORTS.journey.instances });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('the shopping journey through nginx, with a forged X-Forwarded-For and Host', async () => {
    const started = Date.now();
    const journey = await shoppingJourney(cluster.nginx.origin, context.databaseUrl);
    const upstreams = new Set(cluster.nginx.accessLog().map((l) => l.upstream));
    // Round robin: both instances served the journey.
    expect(upstreams.size, [...upstreams].join(', ')).toBeGreaterThanOrEqual(2);
    recordFigure('cluster journey', { orderNumber: journey.orderNumber, ms: Date.now() - started, seedMs: context.seedMs });
  });

  it('static files are cached for a year, the request id is answered and sent on', async () => {
    const html = await (await fetch(`${cluster.nginx.origin}/p/acme/sign-in`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset, 'a script of the build on the sign-in page').toBeDefined();
    const answer = await fetch(`${cluster.nginx.origin}${asset}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    const ids = new Set(await Promise.all([1, 2, 3].map(async () => (await fetch(`${cluster.nginx.origin}/api/health`)).headers.get('x-request-id'))));
    expect(ids.size).toBe(3);
  });

  it('a body above the app\'s limit is refused by the app with its message, not by nginx', async () => {
    const body = 'x'.repeat(12 * 1024 * 1024 + 1024);
    const answer = await fetch(`${cluster.nginx.origin}/p/acme/cart`, {
      method: 'POST',
      headers: { 'Next-Action': '0'.repeat(42), Origin: cluster.nginx.origin, 'Content-Type': 'text/plain;charset=UTF-8' },
      body,
    });
    expect(answer.status).toBe(413);
    expect(await answer.text()).toContain('Nothing was changed');
  });
});
