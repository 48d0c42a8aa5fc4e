import type { Metadata } from 'next';
import { getDb } from '@/db';
import { gradeGuide } from '@/db/queries/grades/grade-guide';
import { GradeGuide } from '@/components/grades/grade-guide';
import { PageHeader } from '@/components/ui/page-header';
import { requireOpenPortalCustomer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Grades' };

/** The seller's grade guide: what each grade on For Sale means, with example photos. Each grade has an anchor (`#grade-a-plus`). */
export default async function GradesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const guide = await gradeGuide(await getDb(), { sellerId: customer.sellerId });
  return (
    <>
      <PageHeader title="Grades" description={`What each grade means at ${customer.portal.name}.`} />
      <GradeGuide entries={guide} photoBase={`/p/${slug}/photos`} sellerName={customer.portal.name} />
    </>
  );
}
