import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

/** An unknown organization id, or one of another seller: answered the same way. */
export default function OrganizationNotFound() {
  return (
    <>
      <PageHeader title="Organization not found" description="It does not exist, or it is not one of your customers." />
      <LinkButton href="/admin/organizations">Back to Organizations</LinkButton>
    </>
  );
}
