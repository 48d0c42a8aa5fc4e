import type { CustomerOrder, CustomerOrderDevice } from '@/db/queries/portal/orders/find-order';
import { Table, Td, Th } from '@/components/ui/table';

/** The IMEIs assigned to a customer's order, one table per line, with the CSV download. `base` is the order's path. */
export function OrderDevicesSection({ order, devices, base }: { order: CustomerOrder; devices: CustomerOrderDevice[]; base: string }) {
  return (
    <>
      <div className="mb-3 mt-10 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-semibold">IMEIs on this order</h2>
        {devices.length ? (
          <a href={`${base}/imeis.csv`} download className="text-sm font-medium text-[var(--brand-text)] hover:underline">
            Download IMEIs (CSV)
          </a>
        ) : null}
      </div>
      {devices.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
          {order.cancelled
            ? 'This order was cancelled.'
            : 'No devices are assigned yet. Their IMEIs appear here once we assign devices to your order.'}
        </p>
      ) : (
        <div className="space-y-6">
          {order.lines
            .filter((line) => line.committed > 0)
            .map((line) => (
              <Table key={line.id} caption={`${line.description}: ${line.committed} of ${line.quantity} assigned`} hideCaption={false} cards>
                <thead>
                  <tr>
                    <Th>IMEI</Th>
                    <Th>SKU</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {devices
                    .filter((d) => d.lineId === line.id)
                    .map((d) => (
                      <tr key={d.imei ?? d.serial}>
                        <Td className="font-mono" data-imei={d.imei ?? undefined}>
                          {d.imei ?? d.serial}
                        </Td>
                        <Td label="SKU" className="font-mono text-xs">{d.product.sku}</Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            ))}
        </div>
      )}
    </>
  );
}
