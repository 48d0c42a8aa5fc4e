import { afterEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { getScriptNonceFromHeader } from 'next/dist/server/app-render/get-script-nonce-from-header';
import { contentSecurityPolicy, createNonce, securityHeaders } from '@/lib/security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('content security policy', () => {
  it('lets only nonced scripts run, loads nothing from elsewhere, and is never framed', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc=', https: false, dev: false }));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc='", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc='"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    for (const name of ['font-src', 'connect-src', 'form-action']) expect(policy.get(name)).toEqual(["'self'"]);
    for (const name of ['object-src', 'base-uri', 'frame-ancestors']) expect(policy.get(name)).toEqual(["'none'"]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('relaxes eval and inline styles under next dev only, and upgrades requests only over https', () => {
    const dev = directives(contentSecurityPolicy({ nonce: 'abc=', https: false, dev: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const https = directives(contentSecurityPolicy({ nonce: 'abc=', https: true, dev: false }));
    expect(https.has('upgrade-insecure-requests')).toBe(true);
    expect(https.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('makes a new 128-bit nonce each time, in the form Next reads back from the policy', () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of [...nonces].slice(0, 20)) {
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
      expect(getScriptNonceFromHeader(contentSecurityPolicy({ nonce, https: true, dev: false }))).toBe(nonce);
    }
  });
});

describe('page headers', () => {
  it('send HSTS only when served over https, and no-referrer on one-time link pages', () => {
    expect(securityHeaders({ nonce: 'a', https: true, dev: false })['Strict-Transport-Security']).toBe('max-age=31536000');
    expect(securityHeaders({ nonce: 'a', https: false, dev: false })['Strict-Transport-Security']).toBeUndefined();
    const referrer = (pathname: string) => securityHeaders({ nonce: 'a', https: true, dev: false, pathname })['Referrer-Policy'];
    for (const path of ['/admin/activate', '/p/acme/reset-password', '/p/acme/sign-in-link', '/admin/sign-in-link']) {
      expect(referrer(path), path).toBe('no-referrer');
    }
    for (const path of ['/p/acme', '/admin/sign-in', '/p/acme/activated-devices', '/admin/orders']) {
      expect(referrer(path), path).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('the proxy', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('hands Next the policy it sends, with a nonce of its own per response, on pages and redirects', async () => {
    const { proxy } = await import('@/proxy');
    const page = (path: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { host: 'localhost:3000' } });
    const first = await proxy(page('/admin/sign-in'));
    const second = await proxy(page('/admin/sign-in'));
    const policy = first.headers.get('content-security-policy')!;
    expect(policy).toContain("frame-ancestors 'none'");
    // NextResponse.next({ request }) carries the request headers Next renders with like this.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(getScriptNonceFromHeader(second.headers.get('content-security-policy')!)).not.toBe(getScriptNonceFromHeader(policy));
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('strict-transport-security')).toBe('max-age=31536000'); // APP_URL is https in tests

    const redirect = await proxy(page('/admin/orders'));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('content-security-policy')).toContain("object-src 'none'");

    vi.stubEnv('APP_URL', 'http://127.0.0.1:3000');
    expect((await proxy(page('/admin/sign-in'))).headers.get('strict-transport-security')).toBeNull();
  });
});
