import { StatusBadge } from '@/components/ui/badge';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { ActionForm } from '@/components/ui/action-form';
import type { OrderDetail } from '@/db/queries/orders/order-detail';
import type { OrderFormOptions } from '@/db/queries/orders/order-form-options';
import { changeOrderStatusAction } from '@/lib/actions/orders/change-order-status';
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
        <ActionForm action={changeOrderStatusAction} submitLabel="Change status" className="space-y-3">
          <input type="hidden" name="orderNumber" value={order.number} />
          <Field id="order-status" label="New status">
            <Select id="order-status" name="statusId" defaultValue={order.statusId}>
              {options.statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.allowsCommitting ? ' (devices can be committed)' : ''}
                </option>
              ))}
            </Select>
          </Field>
        </ActionForm>
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
