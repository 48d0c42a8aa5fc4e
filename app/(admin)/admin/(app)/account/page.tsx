import type { Metadata } from 'next';
import { MyAccount } from '@/components/account/my-account';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'My account' };

/** The staff member's own account: name, email, password, sign out everywhere. */
export default async function MyAccountPage() {
  const staff = await requireStaff();
  return (
    <>
      <PageHeader title="My account" description={`Your sign-in to the ${staff.sellerName} back office (${staff.role}).`} />
      <MyAccount area={{ kind: 'staff' }} name={staff.name} email={staff.email} />
    </>
  );
}
