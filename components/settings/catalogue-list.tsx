import Link from 'next/link';
import type { SettingsChange } from '@/db/queries/settings/recent-changes';
import { Alert } from '@/components/ui/alert';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { createCatalogueEntryAction } from '@/lib/actions/settings/create-catalogue-entry';
import type { CatalogueName } from '@/lib/validation/catalogues';
import type { CatalogueView } from './catalogue-views';
import { RecentChanges } from './recent-changes';
import { SettingsForm } from './settings-form';
import { SettingsHeader } from './settings-header';

/** A catalogue's list page: the add form, the entries, and the latest changes. */
export function CatalogueList<Row extends { id: number }>({
  name,
  view,
  list,
  changes,
  deleted,
}: {
  name: CatalogueName;
  view: CatalogueView<Row>;
  list: { rows: Row[]; total: number; page: number; pageSize: number };
  changes: SettingsChange[];
  /** The label of the entry just deleted, from the redirect. */
  deleted?: string;
}) {
  const path = `/admin/settings/${name}`;
  const { Fields } = view;
  return (
    <div className="max-w-4xl">
      <SettingsHeader title={view.title} description={view.description} trail={[{ href: path, label: view.title }]} />
      {deleted ? (
        <Alert tone="success">
          {view.noun} {deleted.slice(0, 60)} deleted.
        </Alert>
      ) : null}
      <section aria-labelledby={view.ids.addSection} className="my-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id={view.ids.addSection} className="mb-4 text-lg font-semibold">
          {view.addHeading}
        </h2>
        <SettingsForm action={createCatalogueEntryAction} submitLabel={`Add ${view.what}`} resetOnSuccess>
          <input type="hidden" name="catalogue" value={name} />
          <Fields idPrefix={view.ids.addFields} />
        </SettingsForm>
      </section>
      <Table caption={view.title}>
        <thead>
          <tr>
            {view.columns.map((column) => (
              <Th key={column.header}>{column.header}</Th>
            ))}
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.length === 0 ? <EmptyRow colSpan={view.columns.length + 1}>{view.empty}</EmptyRow> : null}
          {list.rows.map((row) => (
            <tr key={row.id}>
              {view.columns.map((column) => (
                <Td key={column.header} className={column.className}>
                  {column.cell(row)}
                </Td>
              ))}
              <Td className="text-right">
                <Link href={`${path}/${row.id}`} className="font-medium text-blue-700 hover:underline">
                  Edit<span className="sr-only"> {view.what} {view.label(row)}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination basePath={path} searchParams={{}} page={list.page} pageSize={list.pageSize} total={list.total} />
      <RecentChanges changes={changes} />
    </div>
  );
}
