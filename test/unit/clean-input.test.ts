import { describe, expect, it } from 'vitest';
import { withoutControlCharacters } from '@/lib/validation/clean-input';

describe('withoutControlCharacters', () => {
  it('cleans every string at any depth, keeping tabs and line breaks', () => {
    const input = { po: 'PO\u0000-1\u0007', lines: [{ reason: 'a\tb\r\nc\u001b[31m' }], n: 3 };
    expect(withoutControlCharacters(input)).toEqual({ po: 'PO-1', lines: [{ reason: 'a\tb\r\nc[31m' }], n: 3 });
  });

  it('cleans prototype-less objects too (some parsers and generators build them)', () => {
    const line = Object.assign(Object.create(null) as Record<string, unknown>, { reason: '\u0000bad' });
    const cleaned = withoutControlCharacters({ lines: [line] });
    expect(cleaned.lines[0]!.reason).toBe('bad');
  });

  it('leaves files and other values alone', () => {
    const file = new Blob(['\u0000']);
    expect(withoutControlCharacters({ file }).file).toBe(file);
    expect(withoutControlCharacters(null)).toBeNull();
  });
});
