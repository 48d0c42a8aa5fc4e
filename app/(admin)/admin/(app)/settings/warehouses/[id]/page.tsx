import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findWarehouse } from '@/db/queries/settings/warehouses';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { WarehouseFields } from '@/components/settings/warehouse-fields';
import { DeleteSection } from '@/components/settings/delete-section';
import { settingsAccess } from '@/lib/settings/access';
import { parseId } from '@/lib/settings/parse-id';
import { deleteWarehouseAction, updateWarehouseAction } from '../actions';

export const metadata = { title: 'Edit warehouse' };

export default async function EditWarehousePage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const warehouseId = parseId((await params).id);
  const db = await getDb();
  const warehouse = warehouseId ? await findWarehouse(db, { sellerId: staff.sellerId, warehouseId }) : null;
  if (!warehouse) notFound();
  const changes = await recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['warehouse'], entityId: warehouse.id });
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title={`Warehouse ${warehouse.code}`}
        trail={[
          { href: '/admin/settings/warehouses', label: 'Warehouses' },
          { href: `/admin/settings/warehouses/${warehouse.id}`, label: warehouse.code },
        ]}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ActionForm action={updateWarehouseAction} submitLabel="Save warehouse">
          <input type="hidden" name="id" value={warehouse.id} />
          <WarehouseFields idPrefix="warehouse" values={warehouse} />
        </ActionForm>
      </section>
      <DeleteSection
        action={deleteWarehouseAction}
        id={warehouse.id}
        label={`Delete warehouse ${warehouse.code}`}
        explanation="A warehouse that holds devices or is chosen in Customer Portal settings can't be deleted; move the devices and change the portal settings first."
      />
      <RecentChanges changes={changes} title="Changes to this warehouse" />
    </div>
  );
}
