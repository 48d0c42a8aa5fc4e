'use client';

import Link from 'next/link';
import { useState } from 'react';
import { startDeviceImportAction } from '@/lib/actions/imports/start-device-import';
import { importDevicesAction } from '@/lib/actions/inventory/import-devices';
import { previewDeviceImportAction } from '@/lib/actions/inventory/preview-device-import';
import { stageAndPreview, type ChunkProgress, type FileRow } from '@/components/imports/chunked-import';
import { ImportProgress } from '@/components/imports/import-progress';
import { readImportFile } from '@/components/imports/read-csv';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox, Field, Input } from '@/components/ui/field';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { DeviceImportPreview, NewProduct } from '@/db/queries/inventory/import-devices';
import { DEVICE_IMPORT_COLUMNS, deviceImportColumns, type DeviceImportColumn } from '@/lib/imports/columns';
import { deviceCsvTemplate } from '@/lib/inventory/device-csv';
import type { LineProblem } from '@/lib/refusal';

const n = (x: number) => x.toLocaleString('en-US');
const SHOWN = 1000;

type Refused = { row: number; value: string; reasons: string[] };
type Read = { rows: FileRow[]; fileName: string; present: DeviceImportColumn[] };
type Preview = { batchId: number; rows: number; problems: Refused[]; newProducts: NewProduct[] };
type Phase =
  | { name: 'idle' }
  | { name: 'staging'; progress: ChunkProgress | null }
  | { name: 'preview'; preview: Preview }
  | { name: 'importing'; preview: Preview }
  | { name: 'imported'; message: string }
  | { name: 'refused'; message: string; problems: Refused[] }
  | { name: 'error'; message: string };

/** Merges problems of the same row into one line each. */
function byRow(problems: LineProblem[]): Refused[] {
  const rows = new Map<number, Refused>();
  for (const p of problems) {
    const row = p.line ?? 0;
    const entry = rows.get(row) ?? { row, value: p.value, reasons: [] };
    for (const reason of p.reason.split('; ')) if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    rows.set(row, entry);
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

function merge(parts: DeviceImportPreview[]) {
  return { problems: byRow(parts.flatMap((p) => p.problems)), newProducts: parts.flatMap((p) => p.newProducts) };
}

/** Which required columns the file lacks; with creation on, manufacturer and model may stand in for sku. */
function missingColumns(present: DeviceImportColumn[], createMissing: boolean): string[] {
  const missing: string[] = [];
  if (!present.includes('imei') && !present.includes('serial')) missing.push('imei or serial');
  const attributes = present.includes('manufacturer') && present.includes('model');
  if (!present.includes('sku') && !(createMissing && attributes)) missing.push(createMissing ? 'sku (or manufacturer and model)' : 'sku');
  for (const c of ['warehouse', 'status'] as const) if (!present.includes(c)) missing.push(c);
  return missing;
}

/**
 * Reads an inventory CSV in the browser, uploads it in chunks to a staging
 * batch and checks it range by range (both with a progress bar), and only
 * when no row has a problem imports the whole batch in one transaction.
 * With "create missing products" ticked, a SKU the seller does not have is
 * created from the row's attribute columns; the preview names those products.
 */
export function DeviceImportForm() {
  const [createMissing, setCreateMissing] = useState(false);
  const [file, setFile] = useState<Read | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });

  async function stage(read: Read, create: boolean) {
    const missing = missingColumns(read.present, create);
    if (missing.length) {
      return setPhase({ name: 'error', message: `The file has no ${missing.join(', ')} column. The first line must name the columns: imei (or serial), sku, warehouse, status, cost, received.` });
    }
    setPhase({ name: 'staging', progress: null });
    const started = await startDeviceImportAction({ rowCount: read.rows.length, fileName: read.fileName, createMissingProducts: create });
    if (!started.ok) return setPhase({ name: 'error', message: started.error });
    const { batchId } = started.data;
    const result = await stageAndPreview({ batchId, rows: read.rows, preview: previewDeviceImportAction, onProgress: (progress) => setPhase({ name: 'staging', progress }) });
    if (!result.ok) return setPhase({ name: 'error', message: `${result.error} Nothing was imported.` });
    setPhase({ name: 'preview', preview: { batchId, rows: read.rows.length, ...merge(result.parts) } });
  }

  async function read(chosen: File | undefined) {
    setFile(null);
    if (!chosen) return setPhase({ name: 'idle' });
    setPhase({ name: 'staging', progress: null });
    const parsed = await readImportFile<DeviceImportColumn>(chosen, deviceImportColumns, () => null);
    if (!parsed.ok) return setPhase({ name: 'error', message: parsed.error });
    const next = { rows: parsed.rows(DEVICE_IMPORT_COLUMNS), fileName: chosen.name, present: parsed.present };
    setFile(next);
    await stage(next, createMissing);
  }

  async function run(preview: Preview) {
    setPhase({ name: 'importing', preview });
    const answer = await importDevicesAction({ batchId: preview.batchId });
    if (answer.ok) return setPhase({ name: 'imported', message: answer.message ?? 'Imported.' });
    // Someone changed the inventory between the check and the import: the server names the rows again.
    setPhase({
      name: 'refused',
      message: answer.error,
      problems: (answer.problems ?? []).map((line) => {
        const m = /^Row (\d+): (.*?) — (.*)$/.exec(line);
        return { row: Number(m?.[1] ?? 0), value: m?.[2] ?? '', reasons: [m?.[3] ?? line] };
      }),
    });
  }

  const busy = phase.name === 'staging' || phase.name === 'importing';
  const preview = phase.name === 'preview' || phase.name === 'importing' ? phase.preview : null;
  const refused = phase.name === 'refused' ? phase.problems : preview?.problems.length ? preview.problems : null;
  return (
    <div className="space-y-5">
      <Checkbox
        id="create-missing-products"
        label="Create missing products from the attribute columns (manufacturer, model, capacity, color, network, grade; the SKU when given, else one built from the attributes)"
        checked={createMissing}
        disabled={busy}
        onChange={(e) => {
          setCreateMissing(e.target.checked);
          if (file) void stage(file, e.target.checked);
        }}
      />
      <Field id="csv-file" label="CSV file" hint="Columns: imei (or serial), sku, warehouse (code), status (name), cost, received (YYYY-MM-DD); to create products also manufacturer, model, capacity, color, network, grade. Row numbers below count the header as row 1, as a spreadsheet does.">
        <Input id="csv-file" type="file" accept=".csv,text/csv" disabled={busy} aria-describedby="csv-file-hint" onChange={(e) => {
            void read(e.target.files?.[0]);
            // Lets the same file, fixed, be chosen again.
            e.target.value = '';
          }} />
      </Field>
      <p className="text-sm">
        <a className="text-blue-700 underline" download="inventory-template.csv" href={`data:text/csv;charset=utf-8,${encodeURIComponent(deviceCsvTemplate)}`}>
          Download a template
        </a>
      </p>

      {phase.name === 'staging' ? <ImportProgress progress={phase.progress} busyLabel="Reading the file…" /> : null}
      {phase.name === 'importing' ? <ImportProgress progress={null} busyLabel={`Importing ${n(phase.preview.rows)} devices…`} /> : null}
      {phase.name === 'error' ? <Alert tone="error">{phase.message}</Alert> : null}
      {phase.name === 'imported' ? (
        <Alert tone="success" title={phase.message}>
          <Link href="/admin/inventory" className="underline">
            See the inventory
          </Link>
        </Alert>
      ) : null}

      {preview && !preview.problems.length ? (
        <div className="space-y-3">
          <p className="text-sm" aria-live="polite">
            {file?.fileName}: {n(preview.rows)} {preview.rows === 1 ? 'device' : 'devices'}, every row can be imported
            {preview.newProducts.length ? `; ${n(preview.newProducts.length)} new ${preview.newProducts.length === 1 ? 'product' : 'products'} will be created` : ''}.
          </p>
          <Button onClick={() => run(preview)} disabled={busy}>
            Import {n(preview.rows)} {preview.rows === 1 ? 'device' : 'devices'}
          </Button>
        </div>
      ) : null}

      {preview?.newProducts.length ? (
        <Table caption={`Products the import creates (${n(preview.newProducts.length)})`} hideCaption={false}>
          <thead>
            <tr>
              <Th>SKU</Th>
              <Th>Product</Th>
              <Th>First row</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.newProducts.slice(0, SHOWN).map((p) => (
              <tr key={p.key}>
                <Td className="font-mono text-xs">{p.sku}</Td>
                <Td>{p.description}</Td>
                <Td className="tabular-nums">{p.firstRow}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}

      {refused ? (
        <div className="space-y-3">
          <Alert tone="error">
            {phase.name === 'refused'
              ? phase.message
              : `${refused.length === 1 ? '1 row has' : `${n(refused.length)} rows have`} problems, so nothing was imported. Fix them and choose the file again.`}
          </Alert>
          <Table caption="Rows with problems" hideCaption={false}>
            <thead>
              <tr>
                <Th>Row</Th>
                <Th>IMEI / serial</Th>
                <Th>Problem</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {refused.length === 0 ? <EmptyRow colSpan={3}>No rows named.</EmptyRow> : null}
              {refused.slice(0, SHOWN).map((p) => (
                <tr key={p.row}>
                  <Td className="tabular-nums">{p.row}</Td>
                  <Td className="font-mono text-xs">{p.value}</Td>
                  <Td>{p.reasons.join('; ')}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {refused.length > SHOWN ? <p className="text-sm text-slate-600">The first {n(SHOWN)} of {n(refused.length)} rows with problems are shown.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
