import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { Field, Input } from '@/components/ui/field';
import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import { AddLineForm } from './add-line-form';
import type { OrderDetail } from '@/db/queries/orders/order-detail';
import { removeOrderLineAction } from '@/lib/actions/orders/remove-order-line';
import { updateOrderLineAction } from '@/lib/actions/orders/update-order-line';
import { formatMoney, minorToDecimalString } from '@/lib/money';

/** The order's lines with their committed counts, an editor per line, and adding a product. */
export function OrderLinesSection({ detail, currency }: { detail: OrderDetail; currency: string }) {
  const money = (n: number | null) => (n === null ? 'to be quoted' : formatMoney(n, currency));
  const { order, lines } = detail;
  return (
    <section aria-labelledby="lines-heading" className="space-y-3">
      <h2 id="lines-heading" className="text-lg font-semibold">
        Lines
      </h2>
      <Table caption={`Lines of order ${order.number}`}>
        <thead>
          <tr>
            <Th>Product</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Committed</Th>
            <Th className="text-right">Unit price</Th>
            <Th className="text-right">Amount</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.length === 0 ? <EmptyRow colSpan={5}>No lines.</EmptyRow> : null}
          {lines.map((l) => (
            <tr key={l.id}>
              <Td>
                <span className="font-mono text-xs text-slate-600">{l.sku}</span>
                <span className="block">{l.description}</span>
              </Td>
              <Td className="text-right tabular-nums">{l.quantity}</Td>
              <Td className={`text-right tabular-nums ${l.committedCount < l.quantity ? 'text-amber-700' : 'text-green-700'}`}>
                {l.committedCount} of {l.quantity}
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">{money(l.unitPrice)}</Td>
              <Td className="text-right tabular-nums whitespace-nowrap">{l.unitPrice === null ? 'to be quoted' : money(l.amount)}</Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 font-semibold">
            <Td colSpan={4} className="text-right">
              Total{detail.hasUnpriced ? ' (lines to be quoted count as zero)' : ''}
            </Td>
            <Td className="text-right tabular-nums whitespace-nowrap">{money(detail.total)}</Td>
          </tr>
        </tfoot>
      </Table>

      <ActionResultScope className="space-y-2">
        {lines.map((l) => (
          <details key={l.id} className="rounded-md border border-slate-200 bg-white">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Edit line {l.sku}</summary>
            <div className="flex flex-wrap items-start gap-6 border-t border-slate-100 p-3">
              <ActionForm action={updateOrderLineAction} submitLabel="Save line" submitName={`Save line ${l.sku}`} className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="orderNumber" value={order.number} />
                <input type="hidden" name="lineId" value={l.id} />
                <Field id={`quantity-${l.id}`} label="Quantity" hint={l.committedCount ? `At least ${l.committedCount} (committed)` : undefined}>
                  <Input id={`quantity-${l.id}`} name="quantity" inputMode="numeric" defaultValue={l.quantity} className="w-28" />
                </Field>
                <Field id={`price-${l.id}`} label={`Unit price (${currency})`} hint="Empty: the list price">
                  <Input
                    id={`price-${l.id}`}
                    name="unitPrice"
                    inputMode="decimal"
                    defaultValue={l.unitPrice === null ? '' : minorToDecimalString(l.unitPrice, currency)}
                    className="w-36"
                  />
                </Field>
              </ActionForm>
              <ActionForm
                action={removeOrderLineAction}
                submitLabel="Remove line"
                submitName={`Remove line ${l.sku}`}
                variant="secondary"
                className="pt-6"
                confirm={{
                  title: `Remove the line of ${l.sku} from order ${order.number}?`,
                  description: `${l.quantity} × ${l.description} leaves the order.`,
                  confirmLabel: `Remove line ${l.sku}`,
                }}
              >
                <input type="hidden" name="orderNumber" value={order.number} />
                <input type="hidden" name="lineId" value={l.id} />
              </ActionForm>
            </div>
          </details>
        ))}
      </ActionResultScope>
      <AddLineForm orderNumber={order.number} currency={currency} />
    </section>
  );
}
