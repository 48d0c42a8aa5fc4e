import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { checkReturnDevices, returnWindowDays } from '@/db/queries/portal/rmas/request-rma';
import { ReturnRequestForm } from '@/components/portal/rmas/request-rma-form';
import { PageHeader } from '@/components/ui/page-header';
import { toReturnRow } from '@/lib/portal/rma-rows';
import { params as allParams, type SearchParams } from '@/lib/url-params';
import { MAX_RETURN_DEVICES } from '@/lib/validation/return-request';

export const metadata: Metadata = { title: 'Request a return' };

/** Starts a return: devices selected on the Purchased devices page arrive as `?imei=…&imei=…`. */
export default async function NewReturnRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const selected = [...new Set(allParams(await searchParams, 'imei'))].slice(0, MAX_RETURN_DEVICES);
  const customer = await requireOpenPortalCustomer(slug);
  const db = await getDb();
  const [checks, windowDays] = await Promise.all([
    selected.length ? checkReturnDevices(db, { ...scopeOf(customer), imeis: selected }) : Promise.resolve([]),
    returnWindowDays(db, { sellerId: customer.sellerId }),
  ]);
  return (
    <div className="max-w-4xl">
      <p className="mb-2 text-sm">
        <Link href={`/p/${slug}/rmas`} className="text-[var(--brand-text)] hover:underline">
          ← RMAs
        </Link>
      </p>
      <PageHeader
        title="Request a return"
        description={`Devices bought from ${customer.portal.name} can be returned ${windowDays === null ? 'at any time' : `within ${windowDays} days of the order date`}, unless they are already in an open RMA.`}
      />
      <ReturnRequestForm slug={slug} initialRows={checks.map((c) => toReturnRow(c, customer.portal))} currency={customer.currency} />
    </div>
  );
}
