'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import type { QuoteDocument } from '@/db/queries/quotes/quote-document';
import { ActionForm } from '@/components/ui/action-form';
import { Field, Input, Textarea } from '@/components/ui/field';
import { Table, Th } from '@/components/ui/table';
import { answerQuoteAction } from '@/lib/actions/quotes/answer-quote';
import { formatMoney, minorToDecimalString, moneyExample } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';

/**
 * Staff's answer: a unit price for every line (prefilled with the last
 * answer, else the buyer's target), the last day the prices hold and a note.
 */
export function AnswerQuoteForm({ quote, currency, defaultValidUntil, today }: { quote: QuoteDocument; currency: string; defaultValidUntil: string; today: string }) {
  const sellerFormat = useSellerFormat();
  const money = (n: number | null, empty: string) => (n === null ? empty : formatMoney(n, currency, sellerFormat.locale));
  const again = quote.status !== 'requested';
  return (
    <ActionForm action={answerQuoteAction} submitLabel={again ? 'Replace the answer' : 'Send answer'} className="space-y-5">
      <input type="hidden" name="number" value={quote.number} />
      <Table caption="Unit price per line" className="[&_td]:px-3 [&_td]:py-2">
        <thead>
          <tr>
            <Th>Product</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Available now</Th>
            <Th className="text-right">Buyer&apos;s current price</Th>
            <Th className="text-right">Target</Th>
            <Th>Unit price ({currency})</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {quote.lines.map((line) => {
            const id = `quote-price-${line.id}`;
            const label = productLabel(line);
            const start = line.quotedUnitPrice ?? line.targetUnitPrice;
            return (
              <tr key={line.id}>
                <td>
                  <span className="font-medium">{label}</span>
                  <span className="block font-mono text-xs text-slate-500">{line.sku}</span>
                </td>
                <td className="text-right tabular-nums">{line.quantity}</td>
                <td className={`text-right tabular-nums ${line.available < line.quantity ? 'font-medium text-amber-800' : ''}`}>{line.available}</td>
                <td className="text-right tabular-nums">{money(line.currentUnitPrice, 'Price on request')}</td>
                <td className="text-right tabular-nums">{money(line.targetUnitPrice, 'No target')}</td>
                <td>
                  <input type="hidden" name="lineId" value={line.id} />
                  <label htmlFor={id} className="sr-only">
                    Unit price for {label} ({currency})
                  </label>
                  <Input
                    id={id}
                    name="price"
                    inputMode="decimal"
                    autoComplete="off"
                    required
                    placeholder={moneyExample(currency)}
                    defaultValue={start === null ? '' : minorToDecimalString(start, currency)}
                    className="max-w-36"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <div className="grid gap-4 sm:grid-cols-[auto_1fr]">
        <Field id="quote-valid-until" label="Valid until" hint="The last day the buyer can accept these prices.">
          <Input id="quote-valid-until" name="validUntil" type="date" min={today} required defaultValue={quote.status === 'answered' && quote.validUntil ? quote.validUntil : defaultValidUntil} />
        </Field>
        <Field id="quote-note" label="Note to the buyer (optional)">
          <Textarea id="quote-note" name="note" rows={3} maxLength={2000} defaultValue={quote.staffNote ?? ''} />
        </Field>
      </div>
    </ActionForm>
  );
}
