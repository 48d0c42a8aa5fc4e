import type { CartContents } from '@/db/queries/cart';
import { Table, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import { describeRules } from '@/lib/portal/quantity-rules';

/** The cart as the order it becomes: each line at today's list price, short lines flagged, the total of priced lines. */
export function CheckoutLines({ cart, currency }: { cart: CartContents; currency: string }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <Table caption="Lines of your order" cards className="[&_td]:px-3 [&_td]:py-2">
      <thead>
        <tr>
          <Th>Product</Th>
          <Th className="text-right">Quantity</Th>
          <Th className="text-right">Price</Th>
          <Th className="text-right">Line total</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {cart.lines.map((line) => (
          <tr key={line.productId} className={line.problem ? 'bg-amber-50' : undefined}>
            <td>
              {productLabel(line)}
              {line.problem ? (
                <p className="text-sm font-medium text-amber-800">
                  {line.problem === 'unavailable'
                    ? 'No longer available'
                    : line.problem === 'rules'
                      ? line.ruleProblem
                      : line.display.mode === 'hidden'
                        ? 'Not enough in stock'
                        : `Only ${line.availableText} now`}
                </p>
              ) : null}
              {describeRules(line.rules) ? <p className="text-sm text-slate-600">{describeRules(line.rules)}</p> : null}
            </td>
            <td className="text-right tabular-nums" data-label="Quantity">
              {line.quantity}
            </td>
            <td className="text-right tabular-nums" data-label="Price">
              {line.price === null ? <i>To be quoted</i> : money(line.price)}
            </td>
            <td className="text-right tabular-nums" data-label="Line total">
              {line.price === null ? <i>To be quoted</i> : money(line.price * line.quantity)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200 font-semibold">
          <td colSpan={3} className="text-right">
            Total{cart.toBeQuoted ? ' (before quoted lines)' : ''}
          </td>
          <td className="text-right tabular-nums">{money(cart.subtotal)}</td>
        </tr>
      </tfoot>
    </Table>
  );
}
