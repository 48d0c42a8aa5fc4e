import type { OrderConfirmation } from '@/db/queries/portal/orders/order-confirmation';
import { Table, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';

/** The lines of a just-placed order with their prices; lines without a price are to be quoted. */
export function ConfirmationLines({ order, currency }: { order: OrderConfirmation; currency: string }) {
  const money = (x: number) => formatMoney(x, currency);
  const total = order.lines.reduce((sum, l) => sum + (l.unitPrice ?? 0) * l.quantity, 0);
  const toBeQuoted = order.lines.some((l) => l.unitPrice === null);
  return (
    <Table caption={`Lines of order ${order.number}`} hideCaption={false} cards className="[&_td]:px-3 [&_td]:py-2">
      <thead>
        <tr>
          <Th>Product</Th>
          <Th className="text-right">Quantity</Th>
          <Th className="text-right">Price</Th>
          <Th className="text-right">Line total</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {order.lines.map((line) => (
          <tr key={line.productId}>
            <td>{productLabel(line)}</td>
            <td className="text-right tabular-nums" data-label="Quantity">
              {line.quantity}
            </td>
            <td className="text-right tabular-nums" data-label="Price">
              {line.unitPrice === null ? <i>To be quoted</i> : money(line.unitPrice)}
            </td>
            <td className="text-right tabular-nums" data-label="Line total">
              {line.unitPrice === null ? <i>To be quoted</i> : money(line.unitPrice * line.quantity)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200 font-semibold">
          <td colSpan={3} className="text-right">
            Total{toBeQuoted ? ' (before quoted lines)' : ''}
          </td>
          <td className="text-right tabular-nums">{money(total)}</td>
        </tr>
      </tfoot>
    </Table>
  );
}
