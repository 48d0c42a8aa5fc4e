'use client';

import Papa from 'papaparse';
import Link from 'next/link';
import { useState } from 'react';
import { importDeviceConditionAction } from '@/lib/actions/inventory/import-device-condition';
import { stageDeviceConditionChunkAction } from '@/lib/actions/inventory/stage-device-condition-chunk';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { ConditionSummary } from '@/components/devices/condition-summary';
import { untestedCondition } from '@/lib/device-condition';
import {
  cellsOfRow,
  conditionFieldLabels,
  conditionImportFields,
  mapConditionHeaders,
  mappingProblems,
  readConditionRow,
  type ColumnMapping,
  type ConditionCells,
  type ConditionImportField,
} from '@/lib/inventory/diagnostics-csv';
import type { LineProblem } from '@/lib/refusal';

/** Rows per request; the server checks and keeps each chunk, then imports them all at once. */
const CHUNK = 2000;
const MAX_ROWS = 100_000;

type FileRead = { fileName: string; headers: string[]; rows: string[][] };
type Phase =
  | { name: 'mapping' }
  | { name: 'checking'; done: number; total: number }
  | { name: 'checked'; uploadKey: string; chunks: number; matched: number; problems: LineProblem[] }
  | { name: 'importing' }
  | { name: 'imported'; message: string }
  | { name: 'refused'; message: string; problems: string[] };

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Every row of the file as the mapping reads it; spreadsheet row numbers (the header is row 1). */
function mappedRows(file: FileRead, mapping: ColumnMapping): ConditionCells[] {
  return file.rows.map((values, i) => cellsOfRow(i + 2, values, mapping));
}

/** The same device twice in the file (by IMEI, or serial ignoring case), named by row. */
function repeatsInFile(rows: ConditionCells[]): LineProblem[] {
  const first = new Map<string, number>();
  const problems: LineProblem[] = [];
  for (const r of rows) {
    const imei = (r.imei ?? '').trim();
    const key = imei ? `i:${imei}` : (r.serial ?? '').trim() ? `s:${(r.serial ?? '').trim().toLowerCase()}` : '';
    if (!key) continue;
    const seen = first.get(key);
    if (seen !== undefined) problems.push({ line: r.row, value: imei || (r.serial ?? ''), reason: `the same device as row ${seen}` });
    else first.set(key, r.row);
  }
  return problems;
}

/**
 * Imports condition data from a diagnostics export (Phonecheck, NSYS…): reads the file
 * in the browser, maps its columns (automatically, correctable per column), has the
 * server check it chunk by chunk (the progress bar), previews the result, and imports
 * every row in one transaction only when no row has a problem.
 */
export function ConditionImportForm() {
  const [file, setFile] = useState<FileRead | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [phase, setPhase] = useState<Phase>({ name: 'mapping' });
  const [error, setError] = useState<string | null>(null);

  function read(chosen: File | undefined) {
    setError(null);
    setPhase({ name: 'mapping' });
    if (!chosen) return setFile(null);
    Papa.parse<string[]>(chosen, {
      header: false,
      skipEmptyLines: 'greedy',
      complete: (parsed) => {
        const [headers, ...rows] = parsed.data;
        if (!headers || !rows.length) return setError('The file has no device rows under its header line.');
        if (rows.length > MAX_ROWS) return setError(`The file has ${count(rows.length, 'row')}; import at most ${MAX_ROWS.toLocaleString('en-US')} at a time.`);
        setFile({ fileName: chosen.name, headers, rows });
        setMapping(mapConditionHeaders(headers));
      },
      error: (e) => setError(`The file could not be read: ${e.message}`),
    });
  }

  function choose(column: number, field: ConditionImportField | null) {
    setPhase({ name: 'mapping' });
    setMapping((m) => m.map((f, i) => (i === column ? field : f)));
  }

  async function check() {
    if (!file) return;
    const rows = mappedRows(file, mapping);
    const uploadKey = crypto.randomUUID();
    const problems: LineProblem[] = repeatsInFile(rows);
    let matched = 0;
    let chunks = 0;
    for (let start = 0; start < rows.length; start += CHUNK, chunks++) {
      setPhase({ name: 'checking', done: start, total: rows.length });
      const answer = await stageDeviceConditionChunkAction({ uploadKey, position: chunks, rows: rows.slice(start, start + CHUNK) });
      if (!answer.ok) {
        setPhase({ name: 'mapping' });
        return setError(`${answer.error} Nothing was imported.`);
      }
      problems.push(...answer.data.problems);
      matched += answer.data.matched;
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    setPhase({ name: 'checked', uploadKey, chunks, matched, problems });
  }

  async function importAll(p: Extract<Phase, { name: 'checked' }>) {
    setPhase({ name: 'importing' });
    const answer = await importDeviceConditionAction({ uploadKey: p.uploadKey, chunks: p.chunks, fileName: file?.fileName });
    if (answer.ok) return setPhase({ name: 'imported', message: answer.message ?? 'Imported.' });
    setPhase({ name: 'refused', message: answer.error, problems: answer.problems ?? [] });
  }

  const problemsOfMapping = file ? mappingProblems(mapping) : [];
  const busy = phase.name === 'checking' || phase.name === 'importing';
  const sample = file && !problemsOfMapping.length ? mappedRows({ ...file, rows: file.rows.slice(0, 5) }, mapping) : [];

  return (
    <div className="space-y-5">
      <Field id="diagnostics-file" label="Diagnostics CSV file" hint="An export of Phonecheck, NSYS or a similar tool: one row per device, with its IMEI or serial number.">
        <Input
          id="diagnostics-file"
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          aria-describedby="diagnostics-file-hint"
          onChange={(e) => {
            read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </Field>
      {error ? <Alert tone="error">{error}</Alert> : null}

      {file ? (
        <section aria-labelledby="mapping-heading" className="space-y-3">
          <h3 id="mapping-heading" className="font-semibold">
            Columns of {file.fileName} ({count(file.rows.length, 'row')})
          </h3>
          <p className="text-sm text-slate-600">Each column was matched by its name; correct any that are wrong, or ignore them. Empty cells leave a device’s value as it is.</p>
          <Table caption="Column mapping" hideCaption={false}>
            <thead>
              <tr>
                <Th>Column in the file</Th>
                <Th>First value</Th>
                <Th>Import as</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {file.headers.map((header, i) => (
                <tr key={i}>
                  <Td>
                    <label htmlFor={`map-${i}`} className="font-medium">
                      {header || `(column ${i + 1})`}
                    </label>
                  </Td>
                  <Td className="font-mono text-xs">{file.rows[0]?.[i] ?? ''}</Td>
                  <Td>
                    <Select
                      id={`map-${i}`}
                      value={mapping[i] ?? ''}
                      disabled={busy}
                      onChange={(e) => choose(i, (e.target.value || null) as ConditionImportField | null)}
                    >
                      <option value="">Ignore this column</option>
                      {conditionImportFields.map((f) => (
                        <option key={f} value={f}>
                          {conditionFieldLabels[f]}
                        </option>
                      ))}
                    </Select>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {problemsOfMapping.length ? (
            <Alert tone="warning">
              <ul>
                {problemsOfMapping.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {sample.length ? (
            <Table caption="How the first rows read" hideCaption={false}>
              <thead>
                <tr>
                  <Th>Row</Th>
                  <Th>IMEI / serial</Th>
                  <Th>Condition to set</Th>
                  <Th>Problems</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sample.map((cells) => {
                  const { update, reasons } = readConditionRow(cells);
                  return (
                    <tr key={cells.row}>
                      <Td className="tabular-nums">{cells.row}</Td>
                      <Td className="font-mono text-xs">{cells.imei || cells.serial}</Td>
                      <Td>
                        <ConditionSummary condition={{ ...untestedCondition, ...update }} />
                      </Td>
                      <Td>{reasons.join('; ') || '—'}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          ) : null}
          {phase.name === 'mapping' ? (
            <Button onClick={() => void check()} disabled={problemsOfMapping.length > 0}>
              Check the file
            </Button>
          ) : null}
        </section>
      ) : null}

      {busy ? (
        <div className="space-y-1">
          <label htmlFor="condition-progress" className="block text-sm font-medium">
            {phase.name === 'checking'
              ? `Checking rows: ${phase.done.toLocaleString('en-US')} of ${phase.total.toLocaleString('en-US')}`
              : 'Importing…'}
          </label>
          <progress
            id="condition-progress"
            className="h-3 w-full"
            max={phase.name === 'checking' ? phase.total : undefined}
            value={phase.name === 'checking' ? phase.done : undefined}
          />
        </div>
      ) : null}

      {phase.name === 'checked' ? (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h3 id="preview-heading" className="font-semibold">
            Preview
          </h3>
          {phase.problems.length ? (
            <>
              <Alert tone="error">
                {`${count(new Set(phase.problems.map((p) => p.line)).size, 'row has', 'rows have')} problems, so nothing can be imported. Fix them (or the mapping) and check again.`}
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
                  {phase.problems.slice(0, 1000).map((p, i) => (
                    <tr key={`${p.line}-${i}`}>
                      <Td className="tabular-nums">{p.line}</Td>
                      <Td className="font-mono text-xs">{p.value}</Td>
                      <Td>{p.reason}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Button variant="secondary" onClick={() => setPhase({ name: 'mapping' })}>
                Change the mapping
              </Button>
            </>
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-sm">Every row matches one of your devices: {count(phase.matched, 'device')} will be updated.</p>
              <Button onClick={() => void importAll(phase)}>Import condition data for {count(phase.matched, 'device')}</Button>
              <Button variant="secondary" onClick={() => setPhase({ name: 'mapping' })}>
                Change the mapping
              </Button>
            </div>
          )}
        </section>
      ) : null}

      {phase.name === 'imported' ? (
        <Alert tone="success" title={phase.message}>
          <Link href="/admin/inventory" className="underline">
            See the inventory
          </Link>
        </Alert>
      ) : null}
      {phase.name === 'refused' ? (
        <div className="space-y-2">
          <Alert tone="error">{phase.message}</Alert>
          {phase.problems.length ? (
            <Table caption="Rows with problems" hideCaption={false}>
              <tbody className="divide-y divide-slate-100">
                {phase.problems.length === 0 ? <EmptyRow colSpan={1}>No rows named.</EmptyRow> : null}
                {phase.problems.slice(0, 1000).map((p) => (
                  <tr key={p}>
                    <Td>{p}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
