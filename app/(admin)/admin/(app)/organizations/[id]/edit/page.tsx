import type { Metadata } from 'next';
import { OrganizationForm } from '@/components/organizations/organization-form';
import type { PostalAddress } from '@/db/schema';
import { requireOrganization } from '@/lib/organization-page';
import { emptyAddress } from '@/lib/validation/organization';

export const metadata: Metadata = { title: 'Edit organization' };

function formAddress(address: PostalAddress | null) {
  return { ...emptyAddress, ...(address ?? {}) };
}

export default async function EditOrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { organization } = await requireOrganization((await params).id);
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading" className="mb-4 text-lg font-semibold">Edit info & billing address</h2>
      <OrganizationForm
        organizationId={organization.id}
        cancelHref={`/admin/organizations/${organization.id}`}
        defaultValues={{
          name: organization.name,
          code: organization.code ?? '',
          email: organization.email ?? '',
          phone: organization.phone ?? '',
          billingAddress: formAddress(organization.billingAddress),
        }}
      />
    </section>
  );
}
