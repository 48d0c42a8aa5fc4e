/** The brand colour of a portal, an invoice and an email when the seller has not chosen one. */
export const DEFAULT_BRAND_COLOR = '#1d4ed8';

/** The seller's colour when it is a #rrggbb colour, else the default. */
export function brandColorOrDefault(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : DEFAULT_BRAND_COLOR;
}
