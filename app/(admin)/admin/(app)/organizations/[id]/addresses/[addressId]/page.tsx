import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findShipToAddress } from '@/db/queries/ship-to-addresses/list-ship-to-addresses';
import { EditShipToAddress } from '@/components/organizations/edit-ship-to-address';
import { requireOrganization } from '@/lib/organization-page';
import { parseId } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Edit shipping address' };

/** Info & addresses > a shipping address > Edit. Another organization's address answers 404. */
export default async function EditShipToAddressPage({ params }: { params: Promise<{ id: string; addressId: string }> }) {
  const { id, addressId } = await params;
  const { staff, organization } = await requireOrganization(id);
  const address = await findShipToAddress(await getDb(), {
    sellerId: staff.sellerId,
    organizationId: organization.id,
    addressId: parseId(addressId) ?? notFound(),
  });
  if (!address) notFound();
  return (
    <section aria-labelledby="edit-heading" className="max-w-2xl">
      <h2 id="edit-heading" className="mb-4 text-lg font-semibold">
        Edit shipping address {address.label}
        {address.isDefault ? ' (default)' : ''}
      </h2>
      <EditShipToAddress
        organizationId={organization.id}
        addressId={address.id}
        isDefault={address.isDefault}
        defaultValues={{
          label: address.label,
          attention: address.attention ?? '',
          line1: address.line1,
          line2: address.line2 ?? '',
          city: address.city,
          region: address.region ?? '',
          postalCode: address.postalCode ?? '',
          country: address.country,
          phone: address.phone ?? '',
          isDefault: false,
        }}
      />
    </section>
  );
}
