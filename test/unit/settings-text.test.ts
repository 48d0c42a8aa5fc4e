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
  });

  it('joins and counts in plain English', () => {
    expect(joinWithAnd(['a'])).toBe('a');
    expect(joinWithAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(plural(1, 'device')).toBe('1 device');
    expect(plural(7120, 'device')).toBe('7,120 devices');
  });
});
