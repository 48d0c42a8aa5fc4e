import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';

export default async function DashboardPage() {
  const staff = await requireStaff();
  return <PageHeader title="Dashboard" description={`Welcome, ${staff.name}.`} />;
}
