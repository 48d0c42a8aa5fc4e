import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { atPublicOrigin } from '@/lib/auth/public-origin';

/** Auth.js's endpoints see APP_URL's origin (https://tradepost.test in tests), not the server's own address or the client's Host. */
describe('atPublicOrigin', () => {
  it('hands Auth.js the request at APP_URL, with its path, query, headers and body', async () => {
    const request = new NextRequest('http://localhost:3626/api/auth/customer/callback/password?x=1', {
      method: 'POST',
      headers: { host: 'evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.test',
    });
    const served = await atPublicOrigin(request);
    expect(served.url).toBe('https://tradepost.test/api/auth/customer/callback/password?x=1');
    expect(served.method).toBe('POST');
    expect(served.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(await served.text()).toBe('email=a%40b.test');
  });

  it('leaves a request already at APP_URL as it is', async () => {
    const request = new NextRequest('https://tradepost.test/api/auth/staff/csrf');
    expect(await atPublicOrigin(request)).toBe(request);
  });

  it('keeps a loopback APP_URL as written (NextURL would say localhost)', async () => {
    const served = await atPublicOrigin(new NextRequest('http://localhost:3626/api/auth/staff/signin'), 'http://127.0.0.1:8483');
    expect(served.url).toBe('http://127.0.0.1:8483/api/auth/staff/signin');
  });
});
