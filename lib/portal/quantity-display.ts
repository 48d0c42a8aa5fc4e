/**
 * How much of an available quantity a buyer may learn, per the seller's
 * portal setting. Every screen, CSV and message that speaks of what is
 * available formats it here, on the server, so no number leaves that the
 * setting keeps back:
 *
 * - exact: the number;
 * - capped: the number below the cap, "50+" from the cap on;
 * - hidden: "In stock", never a number.
 */
export const quantityDisplayModes = ['exact', 'capped', 'hidden'] as const;
export type QuantityDisplayMode = (typeof quantityDisplayModes)[number];
export type QuantityDisplay = { mode: QuantityDisplayMode; cap: number };

export const EXACT_QUANTITIES: QuantityDisplay = { mode: 'exact', cap: 50 };

/** Reads the setting's columns (unknown values read as exact). */
export function quantityDisplayOf(mode: unknown, cap: unknown): QuantityDisplay {
  const m = quantityDisplayModes.includes(mode as QuantityDisplayMode) ? (mode as QuantityDisplayMode) : 'exact';
  const c = Number(cap);
  return { mode: m, cap: Number.isSafeInteger(c) && c >= 1 ? c : 50 };
}

/** Whether the exact available quantity (and anything computed from it) may be shown. */
export function revealsExact(available: number, display: QuantityDisplay): boolean {
  if (display.mode === 'exact') return true;
  if (display.mode === 'capped') return available < display.cap;
  return false;
}

/** The available quantity as the buyer sees it: "12", "50+" or "In stock" ("None" at zero). */
export function formatAvailable(available: number, display: QuantityDisplay): string {
  if (available <= 0) return display.mode === 'hidden' ? 'Out of stock' : '0';
  if (revealsExact(available, display)) return String(available);
  return display.mode === 'capped' ? `${display.cap}+` : 'In stock';
}

/**
 * How many of a product's units a buyer may page through when picking units, so the unit list tells no
 * more than the setting: all of them (exact), up to the cap (capped: "50+" is already said), or one page
 * (hidden: picking shows the units it offers, never how many there are in all).
 */
export function browsableUnits(total: number, display: QuantityDisplay, pageSize: number): number {
  if (display.mode === 'exact') return total;
  if (display.mode === 'capped') return Math.min(total, display.cap);
  return Math.min(total, pageSize);
}

/** The last page of units a buyer may ask for before the count is known (see `browsableUnits`). */
export function lastUnitsPage(display: QuantityDisplay, pageSize: number): number {
  if (display.mode === 'exact') return Number.MAX_SAFE_INTEGER;
  if (display.mode === 'capped') return Math.max(1, Math.ceil(display.cap / pageSize));
  return 1;
}

/** "12 available", "50+ available" or "In stock". */
export function availableText(available: number, display: QuantityDisplay): string {
  if (display.mode === 'hidden') return available > 0 ? 'In stock' : 'Out of stock';
  return `${formatAvailable(available, display)} available`;
}

const isAre = (n: number) => (n === 1 ? 'is' : 'are');

/**
 * An add refused for asking more than is available, said in the product's
 * row: "Only 4 available." / "2 in your cart; 4 more available." / "All 5
 * available are in your cart."; kept back: "Not enough in stock for 12; try
 * fewer." (`wanted` is what the line would hold).
 */
export function addRefusalMessage(params: { inCart: number; wanted: number; available: number; display: QuantityDisplay }): string {
  const { inCart, wanted, available, display } = params;
  if (!revealsExact(available, display)) {
    const cap = display.mode === 'capped' ? ` (${display.cap}+ available)` : '';
    return inCart ? `${inCart} in your cart; not enough in stock for ${wanted}${cap}; try fewer.` : `Not enough in stock for ${wanted}${cap}; try fewer.`;
  }
  const room = Math.max(0, available - inCart);
  if (inCart === 0) return `Only ${available} available.`;
  return room ? `${inCart} in your cart; ${room} more available.` : `All ${available} available are in your cart.`;
}

/** A quantity refused for being above what is available, naming the line: "Only 6 of X are available." / "Not enough of X in stock for 12; try fewer." */
export function notEnoughOf(params: { label: string; wanted: number; available: number; display: QuantityDisplay }): string {
  const { label, wanted, available, display } = params;
  if (revealsExact(available, display)) return `Only ${available} of ${label} ${isAre(available)} available.`;
  const cap = display.mode === 'capped' ? ` (${display.cap}+ available)` : '';
  return `Not enough of ${label} in stock for ${wanted}${cap}; try fewer.`;
}

/** A checkout line above what is available now: "X: 3 available, 5 in your cart" / "X: not enough in stock for 5". */
export function shortLineText(params: { label: string; inCart: number; available: number; display: QuantityDisplay; linesAre?: string }): string {
  const { label, inCart, available, display } = params;
  if (available <= 0) return `${label}: no longer available`;
  if (revealsExact(available, display)) return `${label}: ${available} available, ${inCart} ${params.linesAre ?? 'in your cart'}`;
  const cap = display.mode === 'capped' ? ` (${display.cap}+ available)` : '';
  return `${label}: not enough in stock for ${inCart}${cap}; try fewer`;
}

/** A number computed from the available quantity (room left, the most that can be added), or null when the setting keeps it back. */
export function revealable(value: number, available: number, display: QuantityDisplay): number | null {
  return revealsExact(available, display) ? value : null;
}

/** Sorting by quantity would reveal the order of hidden quantities: under "hidden" it is not offered (and a URL asking for it sorts by model). */
export function canSortByQuantity(display: QuantityDisplay): boolean {
  return display.mode !== 'hidden';
}

/** What "order again" says of a line it could not fill, as the setting allows. */
export function orderAgainShortfall(params: {
  description: string;
  ordered: number;
  added: number;
  inCartBefore: number;
  available: number;
  display: QuantityDisplay;
}): string {
  const { description, ordered, added, inCartBefore, available, display } = params;
  if (available <= 0) return `${description}: not available now, nothing added.`;
  if (ordered + inCartBefore <= available) {
    return `${description}: ${added} of ${ordered} added; it is sold in the quantities its rules allow.`;
  }
  if (!revealsExact(available, display)) {
    return `${description}: not enough in stock for ${ordered + inCartBefore}; nothing added. Add fewer from For Sale.`;
  }
  if (added === 0 && inCartBefore >= available) return `${description}: your cart already holds all ${available} available.`;
  return `${description}: ${added} of ${ordered} added, only ${available} available${inCartBefore ? ` and ${inCartBefore} already in your cart` : ''}.`;
}

/** A result without its exact available quantity, for what leaves the server (messages carry it as the setting allows). */
export function withoutAvailable<T extends { available: number }>(value: T): Omit<T, 'available'> {
  const copy: Partial<T> = { ...value };
  delete copy.available;
  return copy as Omit<T, 'available'>;
}
