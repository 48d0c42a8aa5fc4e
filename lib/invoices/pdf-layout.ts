import { rgb, type RGB } from 'pdf-lib';
import { widthOf, type Typeface } from './pdf-fonts';

/**
 * What the invoice and the packing slip PDFs share: the A4 page and margin,
 * the ink colours, the brand colour as pdf-lib's RGB, and word wrap to a
 * width in the embedded fonts.
 */
export const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
export const MARGIN = 48;
export const INK = rgb(0.06, 0.09, 0.16);
export const MUTED = rgb(0.4, 0.45, 0.52);
export const RULE = rgb(0.8, 0.84, 0.88);

/** A `#rrggbb` colour (the seller's brand colour); anything else prints in the default blue. */
export function hexColor(hex: string): RGB {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return rgb(0.11, 0.31, 0.85);
  return rgb(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255);
}

/** Greedy word wrap to a width; a single over-long word is cut. */
export function wrap(font: Typeface, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (widthOf(font, candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    while (widthOf(font, rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && widthOf(font, rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}
