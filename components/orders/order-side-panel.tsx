import { StatusBadge } from '@/components/ui/badge';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { ChangeOrderStatusForm } from './change-order-status-form';
import { ActionForm } from '@/components/ui/action-form';
import type { OrderDetail } from '@/db/queries/orders/order-detail';
import type { OrderFormOptions } from '@/db/queries/orders/order-form-options';
import { updateOrderDetailsAction } from '@/lib/actions/orders/update-order-details';

/** Status, and the order's PO number, notes and payment method. */
export function OrderSidePanel({ detail, options }: { detail: OrderDetail; options: OrderFormOptions }) {
  const { order } = detail;
  return (
    <div className="space-y-6">
      <section aria-labelledby="status-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="status-heading" className="text-lg font-semibold">
          Status
        </h2>
        <p>
          <StatusBadge color={order.statusColor}>{order.statusName}</StatusBadge>
        </p>
        <div className="space-y-1" aria-label="Devices committed">
          <p className="text-sm">
            <span className="font-medium">
              {detail.committed} of {detail.ordered} committed
            </span>
            {detail.committed < detail.ordered ? <span className="text-amber-800"> · {detail.ordered - detail.committed} still to commit</span> : null}
          </p>
          <progress
            className="h-2 w-full"
            max={Math.max(detail.ordered, 1)}
            value={detail.committed}
            aria-label={`${detail.committed} of ${detail.ordered} devices committed`}
          />
        </div>
        {order.closedShortReason && !order.allowsCommitting ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <p className="font-semibold">Closed with devices missing</p>
            <p>Reason: {order.closedShortReason}</p>
          </div>
        ) : null}
        <ChangeOrderStatusForm
          orderNumber={order.number}
          statusId={order.statusId}
          statuses={options.statuses.map((s) => ({ id: s.id, name: s.name, isOpen: s.isOpen, allowsCommitting: s.allowsCommitting }))}
          shortLines={detail.lines
            .filter((l) => l.committedCount < l.quantity)
            .map((l) => ({ sku: l.sku, description: l.description, quantity: l.quantity, committed: l.committedCount }))}
        />
      </section>
      <section aria-labelledby="details-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <ActionForm action={updateOrderDetailsAction} submitLabel="Save details" className="space-y-3">
          <input type="hidden" name="orderNumber" value={order.number} />
          <Field id="order-po" label="PO number">
            <Input id="order-po" name="poNumber" defaultValue={order.poNumber ?? ''} maxLength={100} />
          </Field>
          <Field id="order-payment" label="Payment method">
            <Select id="order-payment" name="paymentMethodId" defaultValue={order.paymentMethodId ?? ''}>
              <option value="">To be agreed</option>
              {options.paymentMethods.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="order-notes" label="Notes">
            <Textarea id="order-notes" name="notes" rows={3} defaultValue={order.notes ?? ''} maxLength={2000} />
          </Field>
        </ActionForm>
      </section>
    </div>
  );
}
