import type { ShipTo } from '@/db/schema';
import type { CompanyProfile } from '@/lib/company-profile';
import type { FormatStyle } from '@/lib/format/request-format';

/** Everything a packing slip shows: what goes in the box and where it goes, never a price. */
export type PackingSlipDocument = {
  sellerName: string;
  /** Who ships it (Settings > Company), as the invoice prints it. */
  company: CompanyProfile & { legalName: string };
  /** The seller's locale and time zone: the slip's dates are formatted with them. */
  format: FormatStyle;
  brandColor: string;
  orderNumber: number;
  orderedAt: Date;
  poNumber: string | null;
  organizationName: string;
  /** Where the order ships: the snapshot the order took when it was placed. */
  shipTo: ShipTo | null;
  lines: {
    description: string;
    sku: string | null;
    quantity: number;
    committed: number;
    /** The committed devices' IMEIs (or serials, for devices without one). */
    identifiers: string[];
  }[];
  shipments: { carrierName: string; trackingNumber: string }[];
};
