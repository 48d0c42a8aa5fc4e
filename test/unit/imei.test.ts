import { describe, expect, it } from 'vitest';
import {
  imeiFromBody,
  imeiProblem,
  isValidImei,
  luhnCheckDigit,
  sequentialImei,
  splitPastedIdentifiers,
} from '@/lib/imei';

describe('IMEI', () => {
  it('accepts published valid IMEIs', () => {
    expect(isValidImei('490154203237518')).toBe(true);
    expect(isValidImei('356938035643809')).toBe(true);
  });

  it('refuses a wrong check digit, with the reason', () => {
    expect(isValidImei('490154203237519')).toBe(false);
    expect(imeiProblem('490154203237519')).toBe('bad_check_digit');
  });

  it('refuses anything but 15 digits', () => {
    for (const bad of ['', '49015420323751', '4901542032375180', '49015420323751a', ' 490154203237518']) {
      expect(isValidImei(bad)).toBe(false);
      expect(imeiProblem(bad)).toBe('not_15_digits');
    }
  });

  it('computes the Luhn digit of a body', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(imeiFromBody('35693803564380')).toBe('356938035643809');
  });

  it('generates valid, distinct IMEIs', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 5000; n++) {
      const imei = sequentialImei(n * 7919);
      expect(isValidImei(imei)).toBe(true);
      seen.add(imei);
    }
    expect(seen.size).toBe(5000);
    expect(() => sequentialImei(-1)).toThrow();
    expect(() => imeiFromBody('123')).toThrow();
  });

  it('splits pasted lists by line, comma, tab and space', () => {
    expect(splitPastedIdentifiers('490154203237518\n356938035643809, 111\t222\r\n\n  333 ')).toEqual([
      { value: '490154203237518', line: 1 },
      { value: '356938035643809', line: 2 },
      { value: '111', line: 2 },
      { value: '222', line: 2 },
      { value: '333', line: 4 },
    ]);
  });
});
