/** The brand colour of a portal, an invoice and an email when the seller has not chosen one. */
export const DEFAULT_BRAND_COLOR = '#1d4ed8';

/** The seller's colour when it is a #rrggbb colour, else the default. */
export function brandColorOrDefault(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : DEFAULT_BRAND_COLOR;
}

/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * The darkest surface that brand-coloured text sits on (slate-100, a hovered row or
 * link); white cards and the slate-50 page are lighter, so text that passes here passes there.
 */
export const LIGHT_SURFACE = '#f1f5f9';

function channels(hex: string): [number, number, number] {
  const c = brandColorOrDefault(hex);
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance of a #rrggbb colour (0 black, 1 white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text and icons on the brand colour (buttons, badges): black or white, whichever
 * contrasts more. One of the two always reaches 4.58:1, whatever the colour.
 */
export function brandForeground(color: string | null | undefined): '#000000' | '#ffffff' {
  const brand = brandColorOrDefault(color);
  return contrastRatio(brand, '#ffffff') >= contrastRatio(brand, '#000000') ? '#ffffff' : '#000000';
}

/**
 * A #rrggbb colour as text on a light surface: the colour itself when it reads at
 * 4.5:1, else the same hue darkened until it does (status badges use it too).
 */
export function readableTextColor(color: string, surface = LIGHT_SURFACE): string {
  const rgb = channels(color);
  for (let step = 0; step <= 100; step++) {
    const candidate = toHex(rgb.map((v) => v * (1 - step / 100)));
    if (contrastRatio(candidate, surface) >= MIN_TEXT_CONTRAST) return candidate;
  }
  return '#000000';
}

/** The brand colour as text on a light surface: links, the seller's name, focus rings. */
export function brandTextColor(color: string | null | undefined, surface = LIGHT_SURFACE): string {
  return readableTextColor(brandColorOrDefault(color), surface);
}

/** The CSS variables a page's brand colour sets: the colour, the text on it, and the colour as text. */
export function brandCssVariables(color: string | null | undefined): Record<string, string> {
  const brand = brandColorOrDefault(color);
  return { '--brand': brand, '--brand-fg': brandForeground(brand), '--brand-text': brandTextColor(brand) };
}
