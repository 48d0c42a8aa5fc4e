'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import Papa from 'papaparse';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { applyPriceListImportAction } from '@/lib/actions/price-lists/apply-price-list-import';
import { previewPriceListImportAction } from '@/lib/actions/price-lists/preview-price-list-import';
import { FileMessage, type FileMessageValue } from '@/components/ui/file-message';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { RowProblemsTable } from '@/components/ui/row-problems-table';
import { Table, Td, Th } from '@/components/ui/table';
import type { PriceListImportPreview } from '@/db/queries/price-lists/price-list-import';
import { formatMoney } from '@/lib/money';
import { MAX_PRICE_LIST_ROWS, type PriceListRow } from '@/lib/validation/price-lists';

const normalize = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Reads a price file (sku, min_quantity, price), shows what the list will
 * hold and every row that cannot be applied, then replaces the list's prices
 * at once, or not at all.
 */
export function PriceListImportForm({ priceListId, currency }: { priceListId: number; currency: string }) {
  const sellerFormat = useSellerFormat();
  const router = useRouter();
  const [rows, setRows] = useState<PriceListRow[] | null>(null);
  const [preview, setPreview] = useState<PriceListImportPreview | null>(null);
  const [message, setMessage] = useState<FileMessageValue | null>(null);
  const [pending, startTransition] = useTransition();

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
        const find = (...names: string[]) => fields.find((f) => names.includes(normalize(f)));
        const sku = find('sku');
        const quantity = find('minquantity', 'quantity', 'fromquantity', 'minqty', 'qty');
        const price = find('price', 'unitprice');
        if (!sku || !price) return setMessage({ tone: 'error', text: 'The first line must name the columns sku, min_quantity and price.' });
        if (parsed.data.length > MAX_PRICE_LIST_ROWS) {
          return setMessage({ tone: 'error', text: `The file has ${parsed.data.length.toLocaleString('en-US')} rows; at most ${MAX_PRICE_LIST_ROWS.toLocaleString('en-US')} at a time.` });
        }
        const read = parsed.data.map((r, i) => ({ row: i + 2, sku: (r[sku] ?? '').trim(), minQuantity: quantity ? (r[quantity] ?? '').trim() : '', price: (r[price] ?? '').trim() }));
        if (!read.length) return setMessage({ tone: 'error', text: 'The file has no rows.' });
        setRows(read);
        startTransition(async () => {
          const answer = await previewPriceListImportAction({ id: priceListId, rows: read });
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
      const answer = await applyPriceListImportAction({ id: priceListId, rows });
      if (answer.ok) {
        setMessage({ tone: 'success', text: answer.message ?? 'Prices imported.' });
        setPreview(null);
        setRows(null);
        router.refresh();
      } else {
        setMessage({ tone: 'error', text: answer.error, lines: answer.problems });
      }
    });
  }

  return (
    <div className="space-y-5">
      <Field
        id="price-list-file"
        label="Price file (CSV)"
        hint="Columns sku, min_quantity and price; min_quantity empty means 1. A row per quantity break: 10 for 10–49, 50 for 50+. The file replaces the list's prices."
      >
        <Input
          id="price-list-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            read(e.target.files?.[0]);
            e.target.value = '';
          }}
          aria-describedby="price-list-file-hint"
          disabled={pending}
        />
      </Field>
      {pending ? <p className="text-sm text-slate-700">Working…</p> : null}
      <FileMessage message={message} />
      {preview ? (
        <div className="space-y-4">
          <RowProblemsTable problems={preview.problems} consequence="the list will not change" />
          <Table caption={`Prices in the file (${preview.prices.length.toLocaleString('en-US')}; ${preview.removed.toLocaleString('en-US')} now on the list would be removed)`} hideCaption={false}>
            <thead>
              <tr>
                <Th>Row</Th>
                <Th>SKU</Th>
                <Th>Product</Th>
                <Th className="text-right">From quantity</Th>
                <Th className="text-right">List price</Th>
                <Th className="text-right">Price</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.prices.slice(0, 1000).map((p) => (
                <tr key={p.row}>
                  <Td className="tabular-nums">{p.row}</Td>
                  <Td className="font-mono text-xs">{p.sku}</Td>
                  <Td>{p.description}</Td>
                  <Td className="text-right tabular-nums">{p.minQuantity}+</Td>
                  <Td className="text-right tabular-nums">{p.listPrice === null ? 'On request' : formatMoney(p.listPrice, currency, sellerFormat.locale)}</Td>
                  <Td className="text-right font-semibold tabular-nums">{formatMoney(p.unitPrice, currency, sellerFormat.locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {!preview.problems.length ? (
            <Button onClick={apply} disabled={pending}>
              Replace the list with {preview.prices.length.toLocaleString('en-US')} {preview.prices.length === 1 ? 'price' : 'prices'}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
