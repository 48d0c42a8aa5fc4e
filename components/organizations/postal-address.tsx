import type { PostalAddress } from '@/db/schema';

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
