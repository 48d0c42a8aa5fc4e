import { describe, expect, it } from 'vitest';
import { addressLimitKey, clientAddress, SOCKET_ADDRESS_HEADER, UNKNOWN_ADDRESS } from '@/lib/auth/client-address';

const request = (headers: Record<string, string>) => new Headers(headers);

describe('client address for abuse limits (lib/auth/client-address.ts)', () => {
  it('by default believes only the socket address stamped by the server, never X-Real-IP or X-Forwarded-For', () => {
    const headers = request({ [SOCKET_ADDRESS_HEADER]: '198.51.100.2', 'x-real-ip': '203.0.113.7', 'x-forwarded-for': '1.1.1.1, 2.2.2.2' });
    expect(clientAddress(headers, 0)).toBe('198.51.100.2');
  });

  it('without the stamp (outside the server) every request shares one fixed address', () => {
    expect(clientAddress(request({ 'x-real-ip': '203.0.113.7', 'x-forwarded-for': '1.1.1.1' }), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(request({}), 0)).toBe('unknown');
  });

  it('behind N trusted proxies reads [...X-Forwarded-For, socket] from the right, skipping N hops', () => {
    const headers = request({ [SOCKET_ADDRESS_HEADER]: '10.0.0.1', 'x-forwarded-for': 'spoof, 203.0.113.5, 10.0.0.9' });
    expect(clientAddress(headers, 1)).toBe('10.0.0.9');
    expect(clientAddress(headers, 2)).toBe('203.0.113.5');
    expect(clientAddress(headers, 3)).toBe('spoof');
    // More hops configured than entries: the leftmost entry is the best we know.
    expect(clientAddress(headers, 9)).toBe('spoof');
    // A request that bypassed the proxy (no X-Forwarded-For): its own socket.
    expect(clientAddress(request({ [SOCKET_ADDRESS_HEADER]: '192.0.2.4' }), 1)).toBe('192.0.2.4');
    // X-Real-IP is not read at any setting.
    expect(clientAddress(request({ [SOCKET_ADDRESS_HEADER]: '10.0.0.1', 'x-real-ip': '6.6.6.6' }), 1)).toBe('10.0.0.1');
  });

  it('takes each entry apart: spaces, ports, brackets, zone ids, IPv4-mapped IPv6, case', () => {
    expect(clientAddress(request({ [SOCKET_ADDRESS_HEADER]: '::ffff:127.0.0.1' }), 0)).toBe('127.0.0.1');
    expect(clientAddress(request({ [SOCKET_ADDRESS_HEADER]: 'FE80::1%eth0' }), 0)).toBe('fe80::1');
    const headers = request({ [SOCKET_ADDRESS_HEADER]: '10.0.0.1', 'x-forwarded-for': ' [2001:DB8::1]:443 ,  203.0.113.5:8080 ' });
    expect(clientAddress(headers, 1)).toBe('203.0.113.5');
    expect(clientAddress(headers, 2)).toBe('2001:db8::1');
    expect(clientAddress(request({ [SOCKET_ADDRESS_HEADER]: '10.0.0.1', 'x-forwarded-for': 'x'.repeat(500) }), 1)).toHaveLength(64);
  });

  it('counts IPv6 by /64 network and IPv4 by address', () => {
    expect(addressLimitKey('2001:db8:1:2::7')).toBe('2001:0db8:0001:0002::/64');
    expect(addressLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(addressLimitKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(addressLimitKey('64:ff9b::192.0.2.1')).toBe('0064:ff9b:0000:0000::/64');
    expect(addressLimitKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressLimitKey('unknown')).toBe('unknown');
  });
});
