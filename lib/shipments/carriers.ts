/**
 * The carriers a shipment can be recorded with, and how each one's tracking
 * page is reached. A tracking link is built from these templates only, with
 * the tracking number URL-encoded: never from a request header, never from
 * anything the user typed besides the number.
 */
export const carrierCodes = ['ups', 'fedex', 'dhl_express', 'usps', 'royal_mail', 'dpd', 'other'] as const;
export type CarrierCode = (typeof carrierCodes)[number];

type Carrier = { code: CarrierCode; name: string; /** `{number}` is replaced by the encoded tracking number; null: no link. */ template: string | null };

export const carriers: readonly Carrier[] = [
  { code: 'ups', name: 'UPS', template: 'https://www.ups.com/track?tracknum={number}' },
  { code: 'fedex', name: 'FedEx', template: 'https://www.fedex.com/fedextrack/?trknbr={number}' },
  { code: 'dhl_express', name: 'DHL Express', template: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}' },
  { code: 'usps', name: 'USPS', template: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}' },
  { code: 'royal_mail', name: 'Royal Mail', template: 'https://www.royalmail.com/track-your-item#/tracking-results/{number}' },
  { code: 'dpd', name: 'DPD', template: 'https://tracking.dpd.de/status/en_US/parcel/{number}' },
  { code: 'other', name: 'Other', template: null },
];

export function isCarrierCode(value: unknown): value is CarrierCode {
  return typeof value === 'string' && (carrierCodes as readonly string[]).includes(value);
}

export function carrierName(code: string): string {
  return carriers.find((c) => c.code === code)?.name ?? 'Other';
}

/** The carrier's tracking page for this number, or null for "Other" (and anything unknown). */
export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  const template = carriers.find((c) => c.code === carrier)?.template;
  if (!template) return null;
  return template.replace('{number}', encodeURIComponent(trackingNumber));
}

export const TRACKING_NUMBER_MIN = 4;
export const TRACKING_NUMBER_MAX = 40;
/** Letters, digits and dashes: what carriers print on labels. */
export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9-]+$/;

/**
 * A tracking number as typed (trimmed), or why it is refused. Spaces inside
 * are not letters, digits or dashes: "1Z 999" is refused rather than guessed at.
 */
export function checkTrackingNumber(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = raw.trim();
  if (value.length < TRACKING_NUMBER_MIN || value.length > TRACKING_NUMBER_MAX) {
    return { ok: false, message: `A tracking number has ${TRACKING_NUMBER_MIN} to ${TRACKING_NUMBER_MAX} characters.` };
  }
  if (!TRACKING_NUMBER_PATTERN.test(value)) {
    return { ok: false, message: 'A tracking number has only letters, digits and dashes.' };
  }
  return { ok: true, value };
}

/**
 * Whether a status is a shipping one: it closes the order, ends commitment
 * and is not a cancellation (statuses carry no cancelled flag; the name
 * tells, as in the portal's history pages). Shipped is; Awaiting
 * Confirmation (open) and Cancelled are not.
 */
export function isShippingStatus(status: { name: string; isOpen: boolean; allowsCommitting: boolean }): boolean {
  return !status.isOpen && !status.allowsCommitting && !['cancelled', 'canceled'].includes(status.name.trim().toLowerCase());
}
