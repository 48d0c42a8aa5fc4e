import type { QuoteDocument } from '@/db/queries/quotes/quote-document';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';

/** A quote's lines: quantity, the buyer's target and the quoted unit price, with the quoted total once answered. */
export function QuoteLinesTable({ quote, currency, showCurrentPrice = false }: { quote: QuoteDocument; currency: string; showCurrentPrice?: boolean }) {
  const money = (n: number | null, empty = '—') => (n === null ? empty : formatMoney(n, currency));
  const units = quote.lines.reduce((n, l) => n + l.quantity, 0);
  const columns = showCurrentPrice ? 6 : 5;
  return (
    <Table caption={`Lines of quote ${quote.number}`} cards>
      <thead>
        <tr>
          <Th>Product</Th>
          <Th className="text-right">Quantity</Th>
          {showCurrentPrice ? <Th className="text-right">Current price</Th> : null}
          <Th className="text-right">Target unit price</Th>
          <Th className="text-right">Quoted unit price</Th>
          <Th className="text-right">Line total</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {quote.lines.length === 0 ? (
          <EmptyRow colSpan={columns}>No lines.</EmptyRow>
        ) : (
          quote.lines.map((line) => (
            <tr key={line.id}>
              <Td>
                <span className="font-medium">{productLabel(line)}</span>
                <span className="block font-mono text-xs text-slate-500">{line.sku}</span>
              </Td>
              <Td label="Quantity" className="text-right tabular-nums">{line.quantity}</Td>
              {showCurrentPrice ? <Td label="Current price" className="text-right tabular-nums">{money(line.currentUnitPrice, 'Price on request')}</Td> : null}
              <Td label="Target unit price" className="text-right tabular-nums">{money(line.targetUnitPrice, 'No target')}</Td>
              <Td label="Quoted unit price" className="text-right tabular-nums">{money(line.quotedUnitPrice, 'Not quoted yet')}</Td>
              <Td label="Line total" className="text-right tabular-nums">{line.quotedUnitPrice === null ? '—' : money(line.quotedUnitPrice * line.quantity)}</Td>
            </tr>
          ))
        )}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200 font-semibold">
          <Td>Total</Td>
          <Td label="Units" className="text-right tabular-nums">{units}</Td>
          <Td colSpan={columns - 3} />
          <Td className="text-right tabular-nums">{money(quote.total)}</Td>
        </tr>
      </tfoot>
    </Table>
  );
}
