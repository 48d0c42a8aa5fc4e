import type { CustomerOrder } from '@/db/queries/portal/orders/find-order';
import { Table, Td, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { formatTotal } from '@/lib/portal/format';

/** The lines of a customer's order with prices, the total and how many devices are assigned. */
export function OrderLinesSection({ order, currency }: { order: CustomerOrder; currency: string }) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">Lines</h2>
      <Table caption={`Lines of order ${order.number}`} cards>
        <thead>
          <tr>
            <Th>Product</Th>
            <Th>SKU</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Unit price</Th>
            <Th className="text-right">Amount</Th>
            <Th className="text-right">Devices assigned</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {order.lines.map((line) => (
            <tr key={line.id}>
              <Td>{line.description}</Td>
              <Td label="SKU" className="font-mono text-xs">{line.sku}</Td>
              <Td label="Quantity" className="text-right tabular-nums">{line.quantity}</Td>
              <Td label="Unit price" className="text-right tabular-nums">{line.unitPrice === null ? 'to be quoted' : money(line.unitPrice)}</Td>
              <Td label="Amount" className="text-right tabular-nums">{line.amount === null ? 'to be quoted' : money(line.amount)}</Td>
              <Td label="Devices assigned" className="text-right tabular-nums">
                {line.committed} of {line.quantity}
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 font-semibold">
            <Td colSpan={4} className="text-right">
              Total
            </Td>
            <Td className="text-right tabular-nums">{formatTotal(order.total, currency, order.hasUnpriced)}</Td>
            <Td />
          </tr>
        </tfoot>
      </Table>

    </>
  );
}
