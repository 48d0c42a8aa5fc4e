/** A tracking number, linked to the carrier's tracking page when the carrier has one (the link is built from the carrier's template only). */
export function TrackingNumberLink({ shipment }: { shipment: { trackingNumber: string; trackingUrl: string | null; carrierName: string } }) {
  if (!shipment.trackingUrl) return <>{shipment.trackingNumber}</>;
  return (
    <a href={shipment.trackingUrl} target="_blank" rel="noreferrer noopener" className="text-[var(--brand-text)] underline">
      {shipment.trackingNumber}
      <span className="sr-only"> (track with {shipment.carrierName}, opens in a new tab)</span>
    </a>
  );
}
