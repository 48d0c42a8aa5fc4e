import type { Metadata } from 'next';
import { MyAccount } from '@/components/account/my-account';
import { PageHeader } from '@/components/ui/page-header';
import { requireOpenPortalCustomer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'My account' };

/** The buyer's own account: name, email, password, sign out everywhere. */
export default async function MyAccountPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  return (
    <>
      <PageHeader title="My account" description={`Your sign-in to the ${customer.portal.name} Customer Portal for ${customer.organizationName}.`} />
      <MyAccount area={{ kind: 'customer', slug }} name={customer.name} email={customer.email} />
    </>
  );
}
