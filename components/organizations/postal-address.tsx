import type { PostalAddress, ShipTo } from '@/db/schema';
import { shipToLines } from '@/lib/invoices/document';

/** A postal address as lines, or a dash when there is none. */
export function PostalAddressLines({ address }: { address: PostalAddress | null }) {
  if (!address) return <p className="text-slate-500">—</p>;
  const cityLine = [address.postalCode, address.city, address.region].filter(Boolean).join(' ');
  return (
    <address className="not-italic leading-relaxed">
      {[address.line1, address.line2, cityLine, address.country].filter(Boolean).map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}

/** Where an order ships: its label, then "Attn:", the address and the phone; `empty` when it has none. */
export function ShipToLines({ shipTo, empty = '—' }: { shipTo: ShipTo | null; empty?: string }) {
  if (!shipTo) return <p className="text-slate-500">{empty}</p>;
  return (
    <address className="not-italic leading-relaxed">
      <span className="block font-medium">{shipTo.label}</span>
      {shipToLines(shipTo).map((line) => (
        <span key={line} className="block font-normal">
          {line}
        </span>
      ))}
    </address>
  );
}
