'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import Papa from 'papaparse';
import { useState, useTransition } from 'react';
import { applyPriceUpdateAction } from '@/lib/actions/products/apply-price-update';
import { previewPriceUpdateAction } from '@/lib/actions/products/preview-price-update';
import { FileMessage, type FileMessageValue } from '@/components/ui/file-message';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { RowProblemsTable } from '@/components/ui/row-problems-table';
import { Table, Td, Th } from '@/components/ui/table';
import type { PriceUpdatePreview } from '@/db/queries/products/price-update';
import { formatMoney } from '@/lib/money';
import { MAX_PRICE_UPDATE_ROWS, type PriceUpdateRow } from '@/lib/validation/products';

const skuHeaders = ['sku'];
const priceHeaders = ['listprice', 'price'];
const normalize = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Reads a price file (sku, list_price), shows every change old -> new and
 * every row that cannot be applied, and applies all changes at once, or none.
 */
export function PriceUpdateForm({ currency }: { currency: string }) {
  const sellerFormat = useSellerFormat();
  const [rows, setRows] = useState<PriceUpdateRow[] | null>(null);
  const [preview, setPreview] = useState<PriceUpdatePreview | null>(null);
  const [message, setMessage] = useState<FileMessageValue | null>(null);
  const [pending, startTransition] = useTransition();
  const price = (minor: number | null) => (minor === null ? 'Price on request' : formatMoney(minor, currency, sellerFormat.locale));

  function read(file: File | undefined) {
    setRows(null);
    setPreview(null);
    setMessage(null);
    if (!file) return;
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: 'greedy',
      complete: (parsed) => {
        const fields = parsed.meta.fields ?? [];
        const skuHeader = fields.find((f) => skuHeaders.includes(normalize(f)));
        const priceHeader = fields.find((f) => priceHeaders.includes(normalize(f)));
        if (!skuHeader || !priceHeader) {
          return setMessage({ tone: 'error', text: 'The first line must name the columns sku and list_price.' });
        }
        if (parsed.data.length > MAX_PRICE_UPDATE_ROWS) {
          return setMessage({ tone: 'error', text: `The file has ${parsed.data.length.toLocaleString('en-US')} rows; at most ${MAX_PRICE_UPDATE_ROWS.toLocaleString('en-US')} at a time.` });
        }
        const read = parsed.data.map((r, i) => ({ row: i + 2, sku: (r[skuHeader] ?? '').trim(), listPrice: (r[priceHeader] ?? '').trim() }));
        if (!read.length) return setMessage({ tone: 'error', text: 'The file has no rows.' });
        setRows(read);
        startTransition(async () => {
          const answer = await previewPriceUpdateAction({ rows: read });
          if (answer.ok) setPreview(answer.data);
          else setMessage({ tone: 'error', text: answer.error });
        });
      },
      error: (error) => setMessage({ tone: 'error', text: `The file could not be read: ${error.message}` }),
    });
  }

  function apply() {
    if (!rows) return;
    startTransition(async () => {
      const answer = await applyPriceUpdateAction({ rows });
      if (answer.ok) {
        setMessage({ tone: 'success', text: answer.message ?? 'Prices updated.' });
        setPreview(null);
        setRows(null);
      } else {
        setMessage({ tone: 'error', text: answer.error, lines: answer.problems });
      }
    });
  }

  return (
    <div className="space-y-5">
      <Field id="price-file" label="Price file (CSV)" hint='Columns sku and list_price, e.g. "APP-IPHONE13-128GB-MIDNIGHT-A-UNLOCKED,349.00". Write "on request" to remove a price.'>
        <Input id="price-file" type="file" accept=".csv,text/csv" onChange={(e) => {
            read(e.target.files?.[0]);
            // Lets the same file, fixed, be chosen again.
            e.target.value = '';
          }} aria-describedby="price-file-hint" disabled={pending} />
      </Field>
      {pending ? <p className="text-sm text-slate-700">Working…</p> : null}
      <FileMessage message={message} />

      {preview ? (
        <div className="space-y-4">
          <RowProblemsTable problems={preview.problems} consequence="no price will change" />
          <Table caption={`Price changes (${preview.changes.length}; ${preview.unchanged} unchanged)`} hideCaption={false}>
            <thead>
              <tr>
                <Th>Row</Th>
                <Th>SKU</Th>
                <Th>Product</Th>
                <Th className="text-right">Now</Th>
                <Th className="text-right">New</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.changes.slice(0, 1000).map((c) => (
                <tr key={c.productId}>
                  <Td className="tabular-nums">{c.row}</Td>
                  <Td className="font-mono text-xs">{c.sku}</Td>
                  <Td>{c.description}</Td>
                  <Td className="text-right tabular-nums">{price(c.from)}</Td>
                  <Td className="text-right font-semibold tabular-nums">{price(c.to)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {!preview.problems.length && preview.changes.length ? (
            <Button onClick={apply} disabled={pending}>
              Apply {preview.changes.length.toLocaleString('en-US')} price {preview.changes.length === 1 ? 'change' : 'changes'}
            </Button>
          ) : null}
          {!preview.problems.length && !preview.changes.length ? <p className="text-sm text-slate-700">Every price in the file is already the list price; nothing to change.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
