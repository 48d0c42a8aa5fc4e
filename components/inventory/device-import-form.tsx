'use client';

import Papa from 'papaparse';
import Link from 'next/link';
import { useState } from 'react';
import { importDevicesAction } from '@/lib/actions/inventory/import-devices';
import { validateDeviceImportAction } from '@/lib/actions/inventory/validate-device-import';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { MAX_DEVICES_PER_BATCH } from '@/lib/inventory/identifiers';
import type { LineProblem } from '@/lib/refusal';
import {
  deviceCsvTemplate,
  mapDeviceCsvHeaders,
  repeatedIdentifiers,
  toDeviceCsvRows,
  type DeviceCsvRow,
} from '@/lib/inventory/device-csv';

const CHUNK = 500;

type Phase =
  | { name: 'idle' }
  | { name: 'read'; rows: DeviceCsvRow[]; fileName: string }
  | { name: 'checking'; done: number; total: number }
  | { name: 'importing'; total: number }
  | { name: 'refused'; message: string; problems: { row: number; value: string; reasons: string[] }[] }
  | { name: 'imported'; message: string }
  | { name: 'error'; message: string };

/** Merges problems of the same row (found in the browser and on the server) into one line each. */
function byRow(problems: LineProblem[]) {
  const rows = new Map<number, { row: number; value: string; reasons: string[] }>();
  for (const p of problems) {
    const row = p.line ?? 0;
    const entry = rows.get(row) ?? { row, value: p.value, reasons: [] };
    for (const reason of p.reason.split('; ')) if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    rows.set(row, entry);
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

/**
 * Reads the CSV in the browser, has the server check it chunk by chunk (the
 * progress bar), and only when no row has a problem sends the whole file to be
 * imported in one transaction. Either every device is imported or none.
 */
export function DeviceImportForm() {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });

  function read(file: File | undefined) {
    if (!file) return setPhase({ name: 'idle' });
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: 'greedy',
      complete: (parsed) => {
        const { mapping, missing } = mapDeviceCsvHeaders(parsed.meta.fields ?? []);
        if (missing.length) {
          return setPhase({ name: 'error', message: `The file has no ${missing.join(', ')} column. The first line must name the columns: imei (or serial), sku, warehouse, status, cost, received.` });
        }
        const rows = toDeviceCsvRows(parsed.data, mapping);
        if (!rows.length) return setPhase({ name: 'error', message: 'The file has no device rows.' });
        if (rows.length > MAX_DEVICES_PER_BATCH) {
          return setPhase({ name: 'error', message: `The file has ${rows.length.toLocaleString('en-US')} rows; import at most ${MAX_DEVICES_PER_BATCH.toLocaleString('en-US')} at a time.` });
        }
        setPhase({ name: 'read', rows, fileName: file.name });
      },
      error: (error) => setPhase({ name: 'error', message: `The file could not be read: ${error.message}` }),
    });
  }

  async function run(rows: DeviceCsvRow[]) {
    const problems: LineProblem[] = repeatedIdentifiers(rows);
    for (let start = 0; start < rows.length; start += CHUNK) {
      setPhase({ name: 'checking', done: start, total: rows.length });
      const answer = await validateDeviceImportAction({ rows: rows.slice(start, start + CHUNK) });
      if (!answer.ok) return setPhase({ name: 'error', message: `${answer.error} Nothing was imported.` });
      problems.push(...answer.data.problems);
    }
    if (problems.length) {
      const merged = byRow(problems);
      return setPhase({
        name: 'refused',
        message: `${merged.length === 1 ? '1 row has' : `${merged.length.toLocaleString('en-US')} rows have`} problems, so nothing was imported. Fix them and choose the file again.`,
        problems: merged,
      });
    }
    setPhase({ name: 'importing', total: rows.length });
    const answer = await importDevicesAction({ rows });
    if (answer.ok) return setPhase({ name: 'imported', message: answer.message ?? 'Imported.' });
    // Someone changed the inventory between the check and the import: the server names the rows again.
    const lines = answer.problems ?? [];
    setPhase({
      name: 'refused',
      message: answer.error,
      problems: lines.map((line) => {
        const m = /^Row (\d+): (.*?) — (.*)$/.exec(line);
        return { row: Number(m?.[1] ?? 0), value: m?.[2] ?? '', reasons: [m?.[3] ?? line] };
      }),
    });
  }

  const busy = phase.name === 'checking' || phase.name === 'importing';
  return (
    <div className="space-y-5">
      <Field id="csv-file" label="CSV file" hint="Columns: imei (or serial), sku, warehouse (code), status (name), cost, received (YYYY-MM-DD). Row numbers below count the header as row 1, as a spreadsheet does.">
        <Input id="csv-file" type="file" accept=".csv,text/csv" disabled={busy} aria-describedby="csv-file-hint" onChange={(e) => {
            read(e.target.files?.[0]);
            // Lets the same file, fixed, be chosen again.
            e.target.value = '';
          }} />
      </Field>
      <p className="text-sm">
        <a className="text-blue-700 underline" download="inventory-template.csv" href={`data:text/csv;charset=utf-8,${encodeURIComponent(deviceCsvTemplate)}`}>
          Download a template
        </a>
      </p>

      {phase.name === 'read' ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm">
            {phase.fileName}: {phase.rows.length.toLocaleString('en-US')} {phase.rows.length === 1 ? 'device' : 'devices'}.
          </p>
          <Button onClick={() => run(phase.rows)}>Check and import</Button>
        </div>
      ) : null}

      {busy ? (
        <div className="space-y-1">
          <label htmlFor="import-progress" className="block text-sm font-medium">
            {phase.name === 'checking'
              ? `Checking rows: ${phase.done.toLocaleString('en-US')} of ${phase.total.toLocaleString('en-US')}`
              : `Importing ${phase.total.toLocaleString('en-US')} devices…`}
          </label>
          <progress
            id="import-progress"
            className="h-3 w-full"
            max={phase.name === 'checking' ? phase.total : undefined}
            value={phase.name === 'checking' ? phase.done : undefined}
          />
        </div>
      ) : null}

      {phase.name === 'error' ? <Alert tone="error">{phase.message}</Alert> : null}
      {phase.name === 'imported' ? (
        <Alert tone="success" title={phase.message}>
          <Link href="/admin/inventory" className="underline">
            See the inventory
          </Link>
        </Alert>
      ) : null}
      {phase.name === 'refused' ? (
        <div className="space-y-3">
          <Alert tone="error">{phase.message}</Alert>
          <Table caption="Rows with problems" hideCaption={false}>
            <thead>
              <tr>
                <Th>Row</Th>
                <Th>IMEI / serial</Th>
                <Th>Problem</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {phase.problems.length === 0 ? <EmptyRow colSpan={3}>No rows named.</EmptyRow> : null}
              {phase.problems.slice(0, 1000).map((p) => (
                <tr key={p.row}>
                  <Td className="tabular-nums">{p.row}</Td>
                  <Td className="font-mono text-xs">{p.value}</Td>
                  <Td>{p.reasons.join('; ')}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {phase.problems.length > 1000 ? <p className="text-sm text-slate-600">The first 1,000 of {phase.problems.length.toLocaleString('en-US')} rows with problems are shown.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
