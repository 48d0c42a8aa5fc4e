import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import { Field, Input, Select } from '@/components/ui/field';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { OrderDetail } from '@/db/queries/orders/order-detail';
import { addShipmentAction } from '@/lib/actions/orders/add-shipment';
import { removeShipmentAction } from '@/lib/actions/orders/remove-shipment';
import { formatDateTime } from '@/lib/format/dates';
import { carriers, TRACKING_NUMBER_MAX } from '@/lib/shipments/carriers';
import { TrackingNumberLink } from '@/components/shipments/tracking-number-link';

/**
 * The order's carriers and tracking numbers, each with the carrier's
 * tracking link, and forms to add one or remove one (both audited). The
 * buyer sees the same list on the order in the portal.
 */
export function OrderShipmentsSection({ detail }: { detail: OrderDetail }) {
  const { order, shipments } = detail;
  return (
    <section aria-labelledby="shipments-heading" className="space-y-3">
      <h2 id="shipments-heading" className="text-lg font-semibold">
        Shipments
      </h2>
      <ActionResultScope className="space-y-3">
        <Table caption={`Tracking numbers of order ${order.number}`}>
          <thead>
            <tr>
              <Th>Carrier</Th>
              <Th>Tracking number</Th>
              <Th>Recorded</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shipments.length === 0 ? <EmptyRow colSpan={4}>No tracking number yet. Record them when you mark the order shipped, or add one here.</EmptyRow> : null}
            {shipments.map((s) => (
              <tr key={s.id}>
                <Td>{s.carrierName}</Td>
                <Td className="font-mono">
                  <TrackingNumberLink shipment={s} />
                </Td>
                <Td className="whitespace-nowrap text-sm text-slate-600">
                  {formatDateTime(s.createdAt)}
                  {s.createdByName ? ` by ${s.createdByName}` : ''}
                </Td>
                <Td className="text-right">
                  <ActionForm
                    action={removeShipmentAction}
                    submitLabel="Remove"
                    submitName={`Remove ${s.carrierName} ${s.trackingNumber}`}
                    variant="ghost"
                    size="sm"
                    confirm={{
                      title: `Remove ${s.carrierName} ${s.trackingNumber} from order ${order.number}?`,
                      description: 'The buyer no longer sees this tracking number or its link on the order.',
                      confirmLabel: `Remove ${s.trackingNumber}`,
                    }}
                  >
                    <input type="hidden" name="orderNumber" value={order.number} />
                    <input type="hidden" name="shipmentId" value={s.id} />
                  </ActionForm>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <ActionForm action={addShipmentAction} submitLabel="Add tracking number" resetOnSuccess className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="orderNumber" value={order.number} />
          <Field id="add-shipment-carrier" label="Carrier">
            <Select id="add-shipment-carrier" name="carrier" defaultValue="ups">
              {carriers.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="add-shipment-number" label="Tracking number">
            <Input id="add-shipment-number" name="trackingNumber" required maxLength={TRACKING_NUMBER_MAX} autoComplete="off" spellCheck={false} className="font-mono" />
          </Field>
        </ActionForm>
      </ActionResultScope>
    </section>
  );
}
