import type { CustomerOrder } from '@/db/queries/portal/orders/find-order';
import { Table, Td, Th } from '@/components/ui/table';
import { TrackingNumberLink } from '@/components/shipments/tracking-number-link';

/** The order's parcels with the carrier's tracking link; nothing while none is recorded. */
export function OrderShipmentsSection({ shipments }: { shipments: CustomerOrder['shipments'] }) {
  if (!shipments.length) return null;
  return (
    <section aria-labelledby="tracking-heading" className="mb-8">
      <h2 id="tracking-heading" className="mb-3 text-lg font-semibold">
        Tracking
      </h2>
      <Table caption="Shipments of this order" cards>
        <thead>
          <tr>
            <Th>Carrier</Th>
            <Th>Tracking number</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shipments.map((s) => (
            <tr key={s.id}>
              <Td>{s.carrierName}</Td>
              <Td label="Tracking number" className="font-mono">
                <TrackingNumberLink shipment={s} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
