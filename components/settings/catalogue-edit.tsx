import type { SettingsChange } from '@/db/queries/settings/recent-changes';
import { deleteCatalogueEntryAction } from '@/lib/actions/settings/delete-catalogue-entry';
import { updateCatalogueEntryAction } from '@/lib/actions/settings/update-catalogue-entry';
import type { CatalogueName } from '@/lib/validation/catalogues';
import type { CatalogueView } from './catalogue-views';
import { DeleteSection } from './delete-section';
import { RecentChanges } from './recent-changes';
import { SettingsForm } from './settings-form';
import { SettingsHeader } from './settings-header';

/** A catalogue entry's page: its form, its delete button, and its own changes. */
export function CatalogueEdit<Row extends { id: number }>({
  name,
  view,
  entry,
  changes,
}: {
  name: CatalogueName;
  view: CatalogueView<Row>;
  entry: Row;
  changes: SettingsChange[];
}) {
  const path = `/admin/settings/${name}`;
  const label = view.label(entry);
  const { Fields } = view;
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title={`${view.noun} ${label}`}
        trail={[
          { href: path, label: view.title },
          { href: `${path}/${entry.id}`, label },
        ]}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <SettingsForm action={updateCatalogueEntryAction} submitLabel={`Save ${view.what}`}>
          <input type="hidden" name="catalogue" value={name} />
          <input type="hidden" name="id" value={entry.id} />
          <Fields idPrefix={view.ids.editFields} values={entry} />
        </SettingsForm>
      </section>
      <DeleteSection action={deleteCatalogueEntryAction} id={entry.id} label={`Delete ${view.what} ${label}`} explanation={view.deleteExplanation}
        confirm={{
          title: `Delete ${view.what} ${label}?`,
          description: `${view.noun} ${label} is removed from your settings. ${view.deleteExplanation}`,
          confirmLabel: `Delete ${label}`,
        }}
      >
        <input type="hidden" name="catalogue" value={name} />
      </DeleteSection>
      <RecentChanges changes={changes} title={`Changes to this ${view.what}`} />
    </div>
  );
}
