import type { Metadata } from 'next';
import { OrganizationForm } from '@/components/organizations/organization-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';
import { emptyAddress } from '@/lib/validation/organization';

export const metadata: Metadata = { title: 'New organization' };

export default async function NewOrganizationPage() {
  await requireStaff();
  return (
    <>
      <PageHeader title="New organization" description="A customer company. Add its Customer Portal accounts after saving." />
      <OrganizationForm
        cancelHref="/admin/organizations"
        defaultValues={{ name: '', code: '', email: '', phone: '', billingAddress: emptyAddress, shippingAddress: emptyAddress }}
      />
    </>
  );
}
