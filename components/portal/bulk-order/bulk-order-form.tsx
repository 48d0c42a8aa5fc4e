'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import { useState, useTransition, type ChangeEvent } from 'react';
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { cartSummaryKey } from '@/components/cart/cart-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { Table, Th } from '@/components/ui/table';
import type { BulkOrderPreview } from '@/db/queries/portal/bulk-order/bulk-order';
import { addBulkOrderAction } from '@/lib/actions/portal/add-bulk-order';
import { previewBulkOrderAction } from '@/lib/actions/portal/preview-bulk-order';
import type { ActionResult } from '@/lib/actions/result';
import { formatMoney } from '@/lib/money';
import { MAX_BULK_ORDER_LINES } from '@/lib/validation/bulk-order';

/**
 * Bulk order: paste "SKU, quantity" lines (or load a CSV file into the box),
 * preview them as the server reads them, then add the good lines in one step.
 * Everything is checked and priced on the server; the browser only shows it.
 */
export function BulkOrderForm({ slug, currency }: { slug: string; currency: string }) {
  const sellerFormat = useSellerFormat();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ text: string; data: BulkOrderPreview } | null>(null);
  const [failure, setFailure] = useState<Extract<ActionResult, { ok: false }> | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const money = (n: number) => formatMoney(n, currency, sellerFormat.locale);

  const runPreview = (value: string) =>
    startTransition(async () => {
      setAdded(null);
      const result = await previewBulkOrderAction(slug, { text: value });
      if (result.ok) {
        setPreview({ text: value, data: result.data });
        setFailure(null);
      } else {
        setPreview(null);
        setFailure(result);
      }
    });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    runPreview(content);
  };

  const addGood = () => {
    if (!preview || pending) return;
    const lines = preview.data.lines.filter((l) => l.problem === null).map((l) => l.line);
    startTransition(async () => {
      const result = await addBulkOrderAction(slug, { text: preview.text, lines });
      if (result.ok) {
        queryClient.setQueryData(cartSummaryKey(slug), result.data.summary);
        setAdded(result.message ?? 'Added to your cart.');
        setFailure(null);
        setPreview(null);
        setText('');
      } else {
        setFailure(result);
      }
    });
  };

  const good = preview?.data.good ?? 0;
  const refused = preview ? preview.data.lines.length - good : 0;
  const stale = preview !== null && preview.text !== text;

  return (
    <div className="space-y-6">
      {added ? (
        <Alert tone="success" title={added}>
          <Link href={`/p/${slug}/cart`} className="font-medium underline">
            Go to your cart
          </Link>
        </Alert>
      ) : null}
      <form
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
        onSubmit={(e) => {
          e.preventDefault();
          runPreview(text);
        }}
      >
        <Field
          id="bulk-lines"
          label="Lines: SKU and quantity"
          hint={`One product per line, SKU then quantity, separated by a comma, a tab or a semicolon (a header line is fine). At most ${MAX_BULK_ORDER_LINES} lines.`}
          error={failure?.fieldErrors?.text}
        >
          <Textarea
            id="bulk-lines"
            name="text"
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={'IP13-128-BLK-A, 10\nSGS23-256-GRN-B, 5'}
            aria-describedby="bulk-lines-hint"
            className="font-mono"
          />
        </Field>
        <div className="space-y-1">
          <label htmlFor="bulk-file" className="block text-sm font-medium text-slate-800">
            Or upload a CSV file
          </label>
          <input id="bulk-file" type="file" accept=".csv,.txt,text/csv,text/plain" onChange={onFile} className="block text-sm" />
        </div>
        <Button type="submit" aria-disabled={pending || undefined}>
          {pending && !preview ? 'Reading…' : 'Preview'}
        </Button>
      </form>

      {failure && !failure.fieldErrors?.text ? (
        <Alert tone="error" title={failure.error}>
          {failure.problems?.length ? (
            <ul className="list-disc pl-5">
              {failure.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}

      {preview ? (
        <section aria-labelledby="bulk-preview-heading" className="space-y-3">
          <h2 id="bulk-preview-heading" className="text-lg font-semibold">
            Preview: {good} {good === 1 ? 'line' : 'lines'} can be added
            {refused ? `, ${refused} refused` : ''}
          </h2>
          <Table caption="Bulk order preview" className="[&_td]:px-3 [&_td]:py-2">
            <thead>
              <tr>
                <Th>Line</Th>
                <Th>SKU</Th>
                <Th>Product</Th>
                <Th className="text-right">Quantity</Th>
                <Th className="text-right">Unit price</Th>
                <Th className="text-right">Line total</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.data.lines.map((l) => (
                <tr key={l.line} className={l.problem ? 'bg-red-50' : undefined}>
                  <td className="tabular-nums">{l.line}</td>
                  <td className="font-mono">{l.sku || '—'}</td>
                  <td>
                    {l.product ?? <i className="text-slate-500">Unknown</i>}
                    {l.rules ? <small className="block text-slate-600">{l.rules}</small> : null}
                    {l.problem ? (
                      <p className="text-sm font-medium text-red-700">{l.problem}</p>
                    ) : l.inCart ? (
                      <small className="block text-slate-600">Adds to the {l.inCart} in your cart</small>
                    ) : null}
                  </td>
                  <td className="text-right tabular-nums">{l.quantity ?? '—'}</td>
                  <td className="text-right tabular-nums">
                    {l.problem ? '—' : l.unitPrice === null ? <i className="text-slate-500">Price on request</i> : money(l.unitPrice)}
                  </td>
                  <td className="text-right tabular-nums">
                    {l.problem ? '—' : l.lineTotal === null || l.unitPrice === null ? <i className="text-slate-500">To be quoted</i> : money(l.lineTotal)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-200 font-semibold">
                <td colSpan={5} className="text-right">
                  Total of the lines that can be added
                </td>
                <td className="text-right tabular-nums">{money(preview.data.total)}</td>
              </tr>
            </tfoot>
          </Table>
          {stale ? <Alert tone="warning">The lines changed since this preview. Preview them again before adding.</Alert> : null}
          {good ? (
            <Button type="button" onClick={addGood} aria-disabled={pending || stale || undefined} disabled={stale}>
              {pending ? 'Adding…' : `Add ${good} ${good === 1 ? 'line' : 'lines'} to the cart`}
            </Button>
          ) : (
            <p className="text-sm text-slate-700">No line can be added as it is. Fix the lines above and preview again.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
