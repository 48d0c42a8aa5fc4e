import type { Metadata } from 'next';
import { getDb } from '@/db';
import { rmaFormOptions } from '@/db/queries/rmas/rma-form-options';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { NewRmaForm } from '@/components/rmas/new-rma-form';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'New RMA' };

export default async function NewRmaPage() {
  const staff = await requireStaff();
  const options = await rmaFormOptions(await getDb(), { sellerId: staff.sellerId });
  return (
    <>
      <PageHeader
        title="New RMA"
        description="Paste the IMEIs a customer sends back. The RMA opens at once; receive the devices when they arrive."
        actions={<LinkButton href="/admin/rmas">Back to RMAs</LinkButton>}
      />
      <NewRmaForm organizations={options.organizations} currency={staff.currency} />
    </>
  );
}
