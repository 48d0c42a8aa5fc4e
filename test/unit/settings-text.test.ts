import { describe, expect, it } from 'vitest';
import { checkHostName } from '@/lib/validation/host-name';
import { describeChange } from '@/lib/settings/describe-change';
import { checkLogoFile, sniffImageType } from '@/lib/settings/logo';
import { joinWithAnd, plural } from '@/lib/settings/words';

describe('custom domain host names', () => {
  it.each([
    ['portal.acme.com', 'portal.acme.com'],
    [' Shop.Example.CO.UK. ', 'shop.example.co.uk'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ])('accepts %s as %s', (raw, host) => {
    expect(checkHostName(raw)).toEqual({ ok: true, host });
  });

  it.each(['http://acme.com', 'acme.com/portal', 'acme.com:443', 'user@acme.com', 'localhost', '192.168.1.1', 'a..b.com', '-a.com', 'a-.com', `${'a'.repeat(64)}.com`])(
    'refuses %s',
    (raw) => {
      expect(checkHostName(raw).ok).toBe(false);
    },
  );

  const ownHosts = new Set(['localhost', '127.0.0.1', 'app.tradepost.example', 'www.tradepost.example']);
  it.each([
    ['app.tradepost.example', "app.tradepost.example is Tradepost's own address, not a domain of yours."],
    ['WWW.tradepost.example.', "www.tradepost.example is Tradepost's own address, not a domain of yours."],
    ['shop.app.tradepost.example', "shop.app.tradepost.example is under Tradepost's own address, not a domain of yours."],
    ['localhost.', 'localhost is not a public domain: names ending in .localhost never resolve on the internet.'],
    ['admin.localhost', 'admin.localhost is not a public domain: names ending in .localhost never resolve on the internet.'],
    ['tradepost.internal', 'tradepost.internal is not a public domain: names ending in .internal never resolve on the internet.'],
    ['printer.home.arpa', 'printer.home.arpa is not a public domain: names ending in .arpa never resolve on the internet.'],
    ['127.0.0.1', 'Enter a domain name such as portal.example.com, not an IP address.'],
    ['2130706433', 'Enter a domain name such as portal.example.com, not an IP address.'],
    ['127.1', 'Enter a domain name such as portal.example.com, not an IP address.'],
    ['0x7f.0.0.1', 'Enter a domain name such as portal.example.com, not an IP address.'],
    ['::1', 'Enter a domain name such as portal.example.com, not an IP address.'],
    ['[2001:db8::1]', 'Enter a domain name such as portal.example.com, not an IP address.'],
  ])('refuses %s, saying why', (raw, message) => {
    const check = checkHostName(raw, { ownHosts });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error.startsWith(message)).toBe(true);
  });

  it('accepts names beside the app host and test names', () => {
    expect(checkHostName('tradepost.example', { ownHosts }).ok).toBe(true);
    expect(checkHostName('portal.acme.test', { ownHosts }).ok).toBe(true);
    expect(checkHostName('evilapp.tradepost.example', { ownHosts }).ok).toBe(true);
  });
});

describe('logo files', () => {
  it('goes by the bytes, not the name: PNG, JPEG and WebP pass, SVG and others do not', () => {
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(checkLogoFile(new TextEncoder().encode('<?xml version="1.0"?><svg/>')).ok).toBe(false);
    expect(checkLogoFile(new Uint8Array()).ok).toBe(false);
  });
});

describe('audit entries in words', () => {
  it('lists each changed field with before and after', () => {
    expect(
      describeChange('portal_settings.update', {
        subject: 'Customer Portal settings',
        before: { enabled: false, paymentMethods: [], returnWindowDays: 90 },
        after: { enabled: true, paymentMethods: ['Net 30', 'Wire transfer'], returnWindowDays: null },
      }),
    ).toEqual({
      title: 'Changed Customer Portal settings',
      lines: [
        'Portal enabled: no → yes',
        'Payment methods: none → Net 30, Wire transfer',
        'Return window (days): 90 → no limit',
      ],
    });
    expect(describeChange('warehouse.delete', { subject: 'Warehouse POP', before: { code: 'POP' } })).toEqual({
      title: 'Deleted Warehouse POP',
      lines: [],
    });
    expect(
      describeChange('portal_settings.check_domain', {
        subject: 'custom domain portal.acme.com',
        result: 'missing',
        message: 'No TXT record found at _tradepost-verify.portal.acme.com yet.',
      }),
    ).toEqual({ title: 'Checked custom domain portal.acme.com', lines: ['No TXT record found at _tradepost-verify.portal.acme.com yet.'] });
  });

  it('joins and counts in plain English', () => {
    expect(joinWithAnd(['a'])).toBe('a');
    expect(joinWithAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(plural(1, 'device')).toBe('1 device');
    expect(plural(7120, 'device')).toBe('7,120 devices');
  });
});
