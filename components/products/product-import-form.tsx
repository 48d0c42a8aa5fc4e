'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startProductImportAction } from '@/lib/actions/imports/start-product-import';
import { applyProductImportAction } from '@/lib/actions/products/apply-product-import';
import { previewProductImportAction } from '@/lib/actions/products/preview-product-import';
import { stageAndPreview, type ChunkProgress } from '@/components/imports/chunked-import';
import { ImportProgress } from '@/components/imports/import-progress';
import { readImportFile } from '@/components/imports/read-csv';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { RowProblemsTable } from '@/components/ui/row-problems-table';
import { Table, Td, Th } from '@/components/ui/table';
import type { ProductImportChange, ProductImportCounts, ProductImportPreview } from '@/db/queries/products/product-import';
import { productImportColumns, REQUIRED_PRODUCT_IMPORT_COLUMNS, type ProductImportColumn } from '@/lib/imports/columns';
import { formatMoney } from '@/lib/money';
import type { LineProblem } from '@/lib/refusal';

const n = (x: number) => x.toLocaleString('en-US');
const CHANGES_SHOWN = 500;

type Preview = { batchId: number; rows: number; counts: ProductImportCounts; problems: LineProblem[]; changes: ProductImportChange[]; ignored: string[] };
type Phase =
  | { name: 'idle' }
  | { name: 'staging'; progress: ChunkProgress | null }
  | { name: 'preview'; preview: Preview }
  | { name: 'applying'; preview: Preview }
  | { name: 'done'; message: string }
  | { name: 'error'; message: string; lines?: string[] };

function merge(parts: ProductImportPreview[]): Omit<Preview, 'batchId' | 'rows' | 'ignored'> {
  const counts: ProductImportCounts = { create: 0, update: 0, unchanged: 0, priceChanges: 0 };
  const problems: LineProblem[] = [];
  const changes: ProductImportChange[] = [];
  for (const p of parts) {
    for (const k of Object.keys(counts) as (keyof ProductImportCounts)[]) counts[k] += p.counts[k];
    problems.push(...p.problems);
    if (changes.length < CHANGES_SHOWN) changes.push(...p.changes.slice(0, CHANGES_SHOWN - changes.length));
  }
  return { counts, problems, changes };
}

/**
 * Reads a products CSV in the browser, uploads it in chunks to a staging
 * batch and previews it range by range (both with a progress bar): what it
 * creates, updates and leaves unchanged, and every row that cannot be
 * applied. The import then applies the whole batch in one transaction.
 */
export function ProductImportForm({ currency }: { currency: string }) {
  const sellerFormat = useSellerFormat();
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });

  async function read(file: File | undefined) {
    if (!file) return setPhase({ name: 'idle' });
    setPhase({ name: 'staging', progress: null });
    const parsed = await readImportFile<ProductImportColumn>(file, productImportColumns, (present) => {
      const missing = REQUIRED_PRODUCT_IMPORT_COLUMNS.filter((c) => !present.includes(c));
      return missing.length ? `The file has no ${missing.join(', ')} column. The first line must name the columns; download the template to see them.` : null;
    });
    if (!parsed.ok) return setPhase({ name: 'error', message: parsed.error });
    const rows = parsed.rows(parsed.present);
    const started = await startProductImportAction({ columns: parsed.present, rowCount: rows.length, fileName: file.name });
    if (!started.ok) return setPhase({ name: 'error', message: started.error });
    const { batchId } = started.data;
    const result = await stageAndPreview({
      batchId,
      rows,
      preview: previewProductImportAction,
      onProgress: (progress) => setPhase({ name: 'staging', progress }),
    });
    if (!result.ok) return setPhase({ name: 'error', message: `${result.error} Nothing was imported.` });
    setPhase({ name: 'preview', preview: { batchId, rows: rows.length, ignored: parsed.ignored, ...merge(result.parts) } });
  }

  async function apply(preview: Preview) {
    setPhase({ name: 'applying', preview });
    const answer = await applyProductImportAction({ batchId: preview.batchId });
    if (answer.ok) {
      setPhase({ name: 'done', message: answer.message ?? 'Imported.' });
      router.refresh();
    } else {
      setPhase({ name: 'error', message: answer.error, lines: answer.problems });
    }
  }

  const busy = phase.name === 'staging' || phase.name === 'applying';
  const preview = phase.name === 'preview' || phase.name === 'applying' ? phase.preview : null;
  const writes = preview ? preview.counts.create + preview.counts.update : 0;
  const money = (v: number | null) => (v === null ? 'on request' : formatMoney(v, currency, sellerFormat.locale));
  return (
    <div className="space-y-5">
      <Field id="product-file" label="Products file (CSV)" hint="Nothing changes until you import. Row numbers count the header as row 1, as a spreadsheet does.">
        <Input
          id="product-file"
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          aria-describedby="product-file-hint"
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </Field>

      {phase.name === 'staging' ? <ImportProgress progress={phase.progress} busyLabel="Reading the file…" /> : null}
      {phase.name === 'applying' ? <ImportProgress progress={null} busyLabel={`Importing ${n(writes)} products…`} /> : null}
      {phase.name === 'error' ? (
        <Alert tone="error" title={phase.message}>
          {phase.lines?.length ? (
            <ul className="list-disc pl-5 text-xs">
              {phase.lines.slice(0, 200).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {phase.name === 'done' ? (
        <Alert tone="success" title={phase.message}>
          <Link href="/admin/products" className="underline">
            See the products
          </Link>
        </Alert>
      ) : null}

      {preview ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-800" aria-live="polite" data-testid="product-import-counts">
            {n(preview.rows)} {preview.rows === 1 ? 'row' : 'rows'}: {n(preview.counts.create)} to create, {n(preview.counts.update)} to update, {n(preview.counts.unchanged)} unchanged
            {preview.counts.priceChanges ? `; ${n(preview.counts.priceChanges)} list ${preview.counts.priceChanges === 1 ? 'price changes' : 'prices change'}` : ''}.
          </p>
          {preview.ignored.length ? <p className="text-sm text-slate-600">Columns not read: {preview.ignored.join(', ')}.</p> : null}
          <RowProblemsTable problems={preview.problems} consequence="no product will change" />
          {preview.changes.length ? (
            <>
              <Table caption={`Products the file creates or updates (${n(writes)})`} hideCaption={false}>
                <thead>
                  <tr>
                    <Th>Row</Th>
                    <Th>SKU</Th>
                    <Th>Action</Th>
                    <Th>Product</Th>
                    <Th>Changes</Th>
                    <Th>List price</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.changes.map((c) => (
                    <tr key={c.row} className="align-top">
                      <Td className="tabular-nums">{c.row}</Td>
                      <Td className="font-mono text-xs">{c.sku}</Td>
                      <Td>{c.action === 'create' ? 'Create' : 'Update'}</Td>
                      <Td>{c.description}</Td>
                      <Td className="text-xs">{c.fields.length ? c.fields.join('; ') : '—'}</Td>
                      <Td className="tabular-nums">{c.action === 'create' ? money(c.priceTo) : c.priceChanged ? `${money(c.priceFrom)} → ${money(c.priceTo)}` : money(c.priceTo)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {writes > preview.changes.length ? <p className="text-sm text-slate-600">The first {n(preview.changes.length)} are shown.</p> : null}
            </>
          ) : null}
          {!preview.problems.length ? (
            <Button onClick={() => apply(preview)} disabled={busy || !writes}>
              {writes ? `Import ${n(writes)} ${writes === 1 ? 'product' : 'products'}` : 'Nothing to import'}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
