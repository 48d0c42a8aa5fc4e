import type { CartContents } from '@/db/queries/cart';
import { CartLineControls } from '@/components/cart/cart-line-controls';
import { Table, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import { describeRules, smallestAllowed } from '@/lib/portal/quantity-rules';

/** The cart's lines with what is available now, their quantity controls and the subtotal of priced lines. */
export function CartLinesTable({ cart, currency }: { cart: CartContents; currency: string }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <Table caption="Products in your cart" cards className="[&_td]:px-3 [&_td]:py-3">
      <thead>
        <tr>
          <Th>Product</Th>
          <Th className="text-right">Price</Th>
          <Th>Quantity</Th>
          <Th className="text-right">Line total</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {cart.lines.map((line) => {
          const label = productLabel(line);
          return (
            <tr key={line.productId} className={line.problem ? 'bg-amber-50' : undefined}>
              <td>
                <span className="font-medium">{label}</span>
                <br />
                <small className="text-slate-500">{line.sku}</small>
                {line.problem === 'unavailable' ? (
                  <p className="mt-1 text-sm font-medium text-red-700">No longer available. Remove this line to check out.</p>
                ) : line.problem === 'short' ? (
                  <p className="mt-1 text-sm font-medium text-amber-800">
                    {line.display.mode === 'hidden' ? 'Not enough in stock' : `Only ${line.availableText} now`}; you have {line.quantity}.
                  </p>
                ) : line.problem === 'rules' ? (
                  <p className="mt-1 text-sm font-medium text-amber-800">{line.ruleProblem}</p>
                ) : (
                  <p className="mt-1 text-sm text-slate-500">{line.availableText}</p>
                )}
                {describeRules(line.rules) ? <p className="text-sm text-slate-600">{describeRules(line.rules)}</p> : null}
              </td>
              <td className="text-right tabular-nums" data-label="Price">
                {line.price === null ? <i className="text-slate-500">Price on request</i> : money(line.price)}
              </td>
              <td data-label="Quantity">
                <CartLineControls productId={line.productId} label={label} quantity={line.quantity} changeTo={line.changeTo} min={smallestAllowed(line.rules)} step={line.rules.orderIncrement} />
              </td>
              <td className="text-right tabular-nums" data-label="Line total">
                {line.price === null ? <i className="text-slate-500">To be quoted</i> : money(line.price * line.quantity)}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200 font-semibold">
          <td colSpan={3} className="text-right">
            Subtotal
          </td>
          <td className="text-right tabular-nums">{money(cart.subtotal)}</td>
        </tr>
      </tfoot>
    </Table>
  );
}
