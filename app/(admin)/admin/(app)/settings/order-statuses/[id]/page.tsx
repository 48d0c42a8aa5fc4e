import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findOrderStatus } from '@/db/queries/settings/order-statuses';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { DeleteSection } from '@/components/settings/delete-section';
import { OrderStatusFields } from '@/components/settings/order-status-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { settingsAccess } from '@/lib/settings/access';
import { parseId } from '@/lib/settings/parse-id';
import { deleteOrderStatusAction, updateOrderStatusAction } from '../actions';

export const metadata = { title: 'Edit order status' };

export default async function EditOrderStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const entryId = parseId((await params).id);
  const db = await getDb();
  const r = entryId ? await findOrderStatus(db, { sellerId: staff.sellerId, statusId: entryId }) : null;
  if (!r) notFound();
  const changes = await recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['order_status'], entityId: r.id });
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title={`Order status ${r.name}`}
        trail={[
          { href: '/admin/settings/order-statuses', label: 'Order statuses' },
          { href: `/admin/settings/order-statuses/${r.id}`, label: r.name },
        ]}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ActionForm action={updateOrderStatusAction} submitLabel="Save order status">
          <input type="hidden" name="id" value={r.id} />
          <OrderStatusFields idPrefix="entry" values={r} />
        </ActionForm>
      </section>
      <DeleteSection
        action={deleteOrderStatusAction}
        id={r.id}
        label={`Delete order status ${r.name}`}
        explanation="A status used by orders, or chosen as the initial order status in Customer Portal settings, can't be deleted."
      />
      <RecentChanges changes={changes} title="Changes to this order status" />
    </div>
  );
}
