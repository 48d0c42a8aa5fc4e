import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvLines, guardFormula } from '@/lib/csv';

describe('CSV cells', () => {
  it('defuses cells a spreadsheet would run as formulas, including one followed by a line break', () => {
    for (const cell of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")\nsecond line']) {
      expect(guardFormula(cell).startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
    expect(guardFormula('iPhone 13')).toBe('iPhone 13');
    expect(guardFormula('A+')).toBe('A+');
  });

  it('quotes commas, quotes and line breaks and round-trips through a parser', () => {
    const text = csvLines(
      [
        ['Apple', 'iPhone "13", 128GB', '=cmd|x', 12, null],
        ['Samsung', 'line\nbreak', '-', 0, 'price on request'],
      ],
      { header: ['Manufacturer', 'Model', 'Color', 'Available', 'Price'] },
    );
    const parsed = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['Manufacturer', 'Model', 'Color', 'Available', 'Price'],
      ['Apple', 'iPhone "13", 128GB', "'=cmd|x", '12', ''],
      ['Samsung', 'line\nbreak', "'-", '0', 'price on request'],
    ]);
    expect(csvLines([])).toBe('');
    expect(csvLines([], { header: ['A', 'B'] })).toBe('A,B\r\n');
    expect(csvLines([['x', 1]]) + csvLines([['y', 2]])).toBe('x,1\r\ny,2\r\n');
  });
});
