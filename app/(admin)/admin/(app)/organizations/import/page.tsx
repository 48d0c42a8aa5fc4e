import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { OrganizationImportForm } from '@/components/organizations/organization-import-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { countBuyersAwaitingInvitation } from '@/db/queries/organization-import/invite-imported-buyers';
import { requireStaff } from '@/lib/auth/session';
import { MAX_ORGANIZATION_IMPORT_ROWS, ORGANIZATION_IMPORT_COLUMNS } from '@/lib/validation/organization-import';

export const metadata: Metadata = { title: 'Import organizations' };

/** Organizations > Import organizations (owners and admins). */
export default async function ImportOrganizationsPage() {
  const staff = await requireStaff('admin');
  const awaiting = await countBuyersAwaitingInvitation(await getDb(), { sellerId: staff.sellerId });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-blue-700 hover:underline" href="/admin/organizations">
          Organizations
        </Link>
      </p>
      <PageHeader title="Import organizations" description="Create and update your customers and their buyers from a CSV file, by account code." />
      <div className="max-w-5xl space-y-6">
        <section aria-labelledby="format-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800">
          <h2 id="format-heading" className="text-base font-semibold">The file</h2>
          <p>
            One row per buyer, up to {formatNumber(MAX_ORGANIZATION_IMPORT_ROWS)} rows. The organization&apos;s columns are repeated on each of
            its rows and must agree; a row may have no buyer. Columns (the first line names them; case and punctuation do not matter):
          </p>
          <p className="font-mono text-xs break-words">{ORGANIZATION_IMPORT_COLUMNS.join(', ')}</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <strong>account_code</strong> (such as NW-001) finds the organization: a new code creates it, a known one updates it. Every row needs one.
            </li>
            <li>A column the file leaves out changes nothing; an empty cell in a column it has clears that field.</li>
            <li>An address needs line1, city and country. The shipping address becomes the organization&apos;s default ship-to address, labelled “Main”.</li>
            <li>
              <strong>price_list</strong> names one of your price lists; empty means list prices.
            </li>
            <li>
              Buyers get a Customer Portal account, invited but not emailed until you send the invitations. A buyer email with an account at another
              organization is refused.
            </li>
          </ul>
          <p>
            <a className="font-medium text-blue-700 underline" href="/admin/organizations/import/template.csv" download>
              Download a template
            </a>
          </p>
        </section>
        <OrganizationImportForm awaitingInvitation={awaiting} />
      </div>
    </>
  );
}
