import { Table, Td, Th } from '@/components/ui/table';
import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import { formatDateTime } from '@/lib/format/dates';
import type { OrderDetail } from '@/db/queries/orders/order-detail';
import { uncommitDevicesAction } from '@/lib/actions/orders/uncommit-devices';
import { UncommitLineButton } from './uncommit-line-button';

/** The IMEIs committed to each line, with uncommit per device and per line. */
export function CommittedDevicesSection({ detail }: { detail: OrderDetail }) {
  const { order, lines } = detail;
  const any = lines.some((l) => l.devices.length);
  return (
    <section aria-labelledby="committed-heading" className="space-y-3">
      <h2 id="committed-heading" className="text-lg font-semibold">
        Committed devices
      </h2>
      {!any ? <p className="text-sm text-slate-600">No devices are committed to this order yet.</p> : null}
      <ActionResultScope className="space-y-3">
        {lines
          .filter((l) => l.devices.length)
          .map((l) => (
            <div key={l.id} className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-medium">
                  <span className="font-mono text-xs text-slate-600">{l.sku}</span> {l.description} — {l.committedCount} of {l.quantity} committed
                </h3>
                <UncommitLineButton orderNumber={order.number} lineId={l.id} sku={l.sku} count={l.committedCount} />
              </div>
              <Table caption={`Devices committed to the line of ${l.sku}`}>
                <thead>
                  <tr>
                    <Th>IMEI</Th>
                    <Th>Status</Th>
                    <Th>Warehouse</Th>
                    <Th>Committed</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {l.devices.map((d) => (
                    <tr key={d.id}>
                      <Td className="font-mono">{d.imei ?? d.serial}</Td>
                      <Td>{d.statusName}</Td>
                      <Td>{d.warehouseCode}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(d.committedAt)}</Td>
                      <Td className="text-right">
                        <ActionForm
                          action={uncommitDevicesAction}
                          submitLabel="Uncommit"
                          submitName={`Uncommit ${d.imei ?? d.serial}`}
                          variant="ghost"
                          size="sm"
                          confirm={{
                            title: `Uncommit ${d.imei ?? d.serial} from order ${order.number}?`,
                            description: `The device goes back to stock and counts as available again; the line of ${l.sku} has ${l.committedCount - 1} of ${l.quantity} committed after it.`,
                            confirmLabel: `Uncommit ${d.imei ?? d.serial}`,
                          }}
                        >
                          <input type="hidden" name="orderNumber" value={order.number} />
                          <input type="hidden" name="deviceId" value={d.id} />
                        </ActionForm>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          ))}
      </ActionResultScope>
    </section>
  );
}
