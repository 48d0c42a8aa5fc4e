'use client';

import Papa from 'papaparse';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { applyOrganizationImportAction } from '@/lib/actions/organizations/apply-organization-import';
import { previewOrganizationImportAction } from '@/lib/actions/organizations/preview-organization-import';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { RowProblemsTable } from '@/components/ui/row-problems-table';
import { Table, Td, Th } from '@/components/ui/table';
import type { OrganizationImportPreview } from '@/db/queries/organization-import/preview-organization-import';
import {
  MAX_ORGANIZATION_IMPORT_ROWS,
  organizationImportColumn,
  REQUIRED_ORGANIZATION_IMPORT_COLUMNS,
  type OrganizationImportColumn,
} from '@/lib/validation/organization-import';
import { InviteImportedBuyersButton } from './invite-imported-buyers-button';

type File = { columns: OrganizationImportColumn[]; rows: { row: number; cells: string[] }[] };

const actionWords = { create: 'Create', update: 'Update', unchanged: 'No change' } as const;
const buyerWords = { new: 'New', existing: 'Already an account', refused: 'Refused' } as const;
const n = (x: number) => x.toLocaleString('en-US');

/**
 * Reads an organizations file in the browser, shows what it would create and
 * update (old → new), its buyers, and every row that cannot be applied; then
 * imports all of it at once, or nothing. The result offers the bulk invitation.
 */
export function OrganizationImportForm({ awaitingInvitation }: { awaitingInvitation: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<OrganizationImportPreview | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string; lines?: string[] } | null>(null);
  const [imported, setImported] = useState(false);
  const [pending, startTransition] = useTransition();

  function read(chosen: globalThis.File | undefined) {
    setFile(null);
    setPreview(null);
    setMessage(null);
    setImported(false);
    if (!chosen) return;
    Papa.parse<string[]>(chosen, {
      header: false,
      skipEmptyLines: 'greedy',
      complete: (parsed) => {
        const [header = [], ...data] = parsed.data;
        const positions = header.map((h) => organizationImportColumn(h));
        const columns = positions.filter((c): c is OrganizationImportColumn => Boolean(c));
        const unknown = header.filter((h, i) => h.trim() && !positions[i]);
        if (!REQUIRED_ORGANIZATION_IMPORT_COLUMNS.every((c) => columns.includes(c))) {
          return setMessage({ tone: 'error', text: 'The first line must name the columns, at least account_code and name. Download the template to see them all.' });
        }
        if (new Set(columns).size !== columns.length) return setMessage({ tone: 'error', text: 'A column is named twice in the first line.' });
        if (unknown.length) return setMessage({ tone: 'error', text: `Unknown columns: ${unknown.join(', ')}. Use the template's column names.` });
        if (data.length > MAX_ORGANIZATION_IMPORT_ROWS) {
          return setMessage({ tone: 'error', text: `The file has ${n(data.length)} rows; at most ${n(MAX_ORGANIZATION_IMPORT_ROWS)} at a time.` });
        }
        if (!data.length) return setMessage({ tone: 'error', text: 'The file has no rows.' });
        const rows = data.map((cells, i) => ({ row: i + 2, cells: positions.flatMap((c, j) => (c ? [(cells[j] ?? '').trim()] : [])) }));
        const next = { columns, rows };
        setFile(next);
        startTransition(async () => {
          const answer = await previewOrganizationImportAction(next);
          if (answer.ok) setPreview(answer.data);
          else setMessage({ tone: 'error', text: answer.error });
        });
      },
      error: (error) => setMessage({ tone: 'error', text: `The file could not be read: ${error.message}` }),
    });
  }

  function apply() {
    if (!file) return;
    startTransition(async () => {
      const answer = await applyOrganizationImportAction(file);
      if (answer.ok) {
        setMessage({ tone: 'success', text: answer.message ?? 'Imported.' });
        setPreview(null);
        setFile(null);
        setImported(true);
        router.refresh();
      } else {
        setMessage({ tone: 'error', text: answer.error, lines: answer.problems });
      }
    });
  }

  const counts = preview?.counts;
  const changing = preview ? preview.organizations.filter((o) => o.action !== 'unchanged' || o.buyers.some((b) => b.status === 'new')) : [];
  return (
    <div className="space-y-5">
      <Field id="organization-file" label="Organizations file (CSV)" hint="One row per buyer; the organization's columns repeated on each of its rows. Nothing changes until you import.">
        <Input
          id="organization-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            read(e.target.files?.[0]);
            e.target.value = '';
          }}
          aria-describedby="organization-file-hint"
          disabled={pending}
        />
      </Field>
      {pending ? <p className="text-sm text-slate-700">Working…</p> : null}
      {message ? (
        <Alert tone={message.tone} title={message.text}>
          {message.lines?.length ? (
            <ul className="list-disc pl-5 text-xs">
              {message.lines.slice(0, 200).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {imported ? <InviteImportedBuyersButton count={awaitingInvitation} /> : null}
      {preview && counts ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-800" aria-live="polite">
            {n(counts.create)} to create, {n(counts.update)} to update, {n(counts.unchanged)} unchanged; {n(counts.newBuyers)} new{' '}
            {counts.newBuyers === 1 ? 'buyer' : 'buyers'}, {n(counts.existingBuyers)} already with an account.
          </p>
          <RowProblemsTable problems={preview.problems} consequence="no organization will change" valueLabel="Account code" />
          <Table caption={`Organizations the file changes (${n(changing.length)})`} hideCaption={false}>
            <thead>
              <tr>
                <Th>Account code</Th>
                <Th>Organization</Th>
                <Th>Action</Th>
                <Th>Changes</Th>
                <Th>Buyers</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {changing.slice(0, 500).map((o) => (
                <tr key={o.code} className="align-top">
                  <Td className="font-mono text-xs">{o.code}</Td>
                  <Td>{o.name}</Td>
                  <Td>{actionWords[o.action]}</Td>
                  <Td>
                    {o.changes.length ? (
                      <ul className="space-y-1 text-xs">
                        {o.changes.map((c) => (
                          <li key={c.field}>
                            <span className="font-medium">{c.field}:</span> {c.from ?? '—'} → {c.to ?? '—'}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </Td>
                  <Td>
                    {o.buyers.length ? (
                      <ul className="space-y-1 text-xs">
                        {o.buyers.map((b) => (
                          <li key={b.row}>
                            {b.name} &lt;{b.email}&gt;: {buyerWords[b.status]}
                            {b.reason ? ` (row ${b.row}: ${b.reason})` : ''}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {changing.length > 500 ? <p className="text-sm text-slate-600">The first 500 are shown.</p> : null}
          {!preview.problems.length ? (
            <Button onClick={apply} disabled={pending || !changing.length}>
              {changing.length ? `Import ${n(counts.create + counts.update)} ${counts.create + counts.update === 1 ? 'organization' : 'organizations'} and ${n(counts.newBuyers)} ${counts.newBuyers === 1 ? 'buyer' : 'buyers'}` : 'Nothing to import'}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
