import { describe, expect, it } from 'vitest';
import {
  brandCssVariables,
  brandForeground,
  brandTextColor,
  contrastRatio,
  DEFAULT_BRAND_COLOR,
  LIGHT_SURFACE,
  readableTextColor,
} from '@/lib/brand';

/** Colours a seller may pick: the hard ones are yellow, light grey and mid tones, where white text fails. */
const named: Record<string, string> = {
  yellow: '#ffff00',
  'amber-400': '#fbbf24',
  'light grey': '#d1d5db',
  'near white': '#fafafa',
  white: '#ffffff',
  'mid grey': '#808080',
  'mid blue': '#3b82f6',
  'default blue': DEFAULT_BRAND_COLOR,
  cyan: '#00ffff',
  lime: '#84cc16',
  orange: '#f97316',
  red: '#ef4444',
  magenta: '#ff00ff',
  'dark navy': '#0b1f3a',
  black: '#000000',
};

/** Every 17th step of each channel: 4,096 colours across the whole cube. */
function everyColour(): string[] {
  const steps = Array.from({ length: 16 }, (_, i) => i * 17);
  return steps.flatMap((r) =>
    steps.flatMap((g) => steps.map((b) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`)),
  );
}

describe('text on the brand colour', () => {
  it('matches the WCAG formula on known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The amber the UX review measured on white: 3.19:1.
    expect(contrastRatio('#d97706', '#ffffff')).toBeCloseTo(3.19, 2);
  });

  it.each(Object.entries(named))('%s (%s): the text on it and the colour as text both reach 4.5:1', (_, colour) => {
    expect(contrastRatio(brandForeground(colour), colour)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(brandTextColor(colour), LIGHT_SURFACE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(brandTextColor(colour), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('puts black text on yellow and light grey, white on the default blue and on dark colours', () => {
    expect(brandForeground('#ffff00')).toBe('#000000');
    expect(brandForeground('#d1d5db')).toBe('#000000');
    expect(brandForeground(DEFAULT_BRAND_COLOR)).toBe('#ffffff');
    expect(brandForeground('#0b1f3a')).toBe('#ffffff');
  });

  it('keeps a colour that already reads as text, and darkens one that does not', () => {
    expect(brandTextColor(DEFAULT_BRAND_COLOR)).toBe(DEFAULT_BRAND_COLOR);
    expect(brandTextColor('#0b1f3a')).toBe('#0b1f3a');
    const yellow = brandTextColor('#ffff00');
    expect(yellow).not.toBe('#ffff00');
    // Still a yellow: red and green stay equal, blue stays 0.
    expect(yellow.slice(1, 3)).toBe(yellow.slice(3, 5));
    expect(yellow.slice(5)).toBe('00');
  });

  it('holds for every colour of the cube', () => {
    for (const colour of everyColour()) {
      const fg = contrastRatio(brandForeground(colour), colour);
      const text = contrastRatio(brandTextColor(colour), LIGHT_SURFACE);
      if (fg < 4.5 || text < 4.5) throw new Error(`${colour}: on-brand ${fg.toFixed(2)}, as text ${text.toFixed(2)}`);
    }
  });

  it('falls back to the default for a colour that is not #rrggbb', () => {
    expect(brandCssVariables('red')).toEqual(brandCssVariables(DEFAULT_BRAND_COLOR));
    expect(brandCssVariables('#ffff00')['--brand-fg']).toBe('#000000');
  });
});

describe('status badge text', () => {
  it.each(['#d97706', '#16a34a', '#b45309', '#64748b', '#facc15'])('%s reads at 4.5:1 on white and slate', (colour) => {
    expect(contrastRatio(readableTextColor(colour), LIGHT_SURFACE)).toBeGreaterThanOrEqual(4.5);
  });
});
