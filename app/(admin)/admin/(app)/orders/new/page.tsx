import type { Metadata } from 'next';
import { getDb } from '@/db';
import { orderFormOptions } from '@/db/queries/orders/order-form-options';
import { PageHeader } from '@/components/ui/page-header';
import { LinkButton } from '@/components/ui/button';
import { NewOrderForm } from '@/components/orders/new-order-form';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'New order' };

export default async function NewOrderPage() {
  const staff = await requireStaff();
  const options = await orderFormOptions(await getDb(), { sellerId: staff.sellerId });
  return (
    <>
      <PageHeader
        title="New order"
        description="An order taken by phone, email or in person. Lines start at the list price; change any price before saving."
        actions={<LinkButton href="/admin/orders">Back to orders</LinkButton>}
      />
      <NewOrderForm options={options} currency={staff.currency} />
    </>
  );
}
