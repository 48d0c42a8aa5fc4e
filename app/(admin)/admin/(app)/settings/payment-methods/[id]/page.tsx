import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findPaymentMethod } from '@/db/queries/settings/payment-methods';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { DeleteSection } from '@/components/settings/delete-section';
import { PaymentMethodFields } from '@/components/settings/payment-method-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { settingsAccess } from '@/lib/settings/access';
import { parseId } from '@/lib/settings/parse-id';
import { deletePaymentMethodAction, updatePaymentMethodAction } from '../actions';

export const metadata = { title: 'Edit payment method' };

export default async function EditPaymentMethodPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const entryId = parseId((await params).id);
  const db = await getDb();
  const r = entryId ? await findPaymentMethod(db, { sellerId: staff.sellerId, methodId: entryId }) : null;
  if (!r) notFound();
  const changes = await recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['payment_method'], entityId: r.id });
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title={`Payment method ${r.name}`}
        trail={[
          { href: '/admin/settings/payment-methods', label: 'Payment methods' },
          { href: `/admin/settings/payment-methods/${r.id}`, label: r.name },
        ]}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ActionForm action={updatePaymentMethodAction} submitLabel="Save payment method">
          <input type="hidden" name="id" value={r.id} />
          <PaymentMethodFields idPrefix="entry" values={r} />
        </ActionForm>
      </section>
      <DeleteSection
        action={deletePaymentMethodAction}
        id={r.id}
        label={`Delete payment method ${r.name}`}
        explanation="A payment method offered in the Customer Portal, or used on orders or invoices, can't be deleted."
      />
      <RecentChanges changes={changes} title="Changes to this payment method" />
    </div>
  );
}
