import Link from 'next/link';
import { OrganizationTabs } from '@/components/organizations/organization-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { requireOrganization } from '@/lib/organization-page';

export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { organization } = await requireOrganization((await params).id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-blue-700 hover:underline" href="/admin/organizations">
          Organizations
        </Link>
      </p>
      <PageHeader title={organization.name} />
      <OrganizationTabs organizationId={organization.id} />
      {children}
    </>
  );
}
