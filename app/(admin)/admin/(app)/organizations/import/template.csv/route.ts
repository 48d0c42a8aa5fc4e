import { requireStaff } from '@/lib/auth/session';
import { csvLines, csvResponse } from '@/lib/csv';
import { ORGANIZATION_IMPORT_COLUMNS } from '@/lib/validation/organization-import';

export const dynamic = 'force-dynamic';

/** An example organizations file: one organization with two buyers, one without buyers. */
export async function GET() {
  await requireStaff('admin');
  const northwind = ['NW-001', 'Northwind Traders', 'ap@northwind.example', '+1 206 555 0100', '1 Harbor Way', 'Suite 4', 'Seattle', 'WA', '98101', 'US', '9 Dock Road', '', 'Tacoma', 'WA', '98402', 'US', ''];
  const body = csvLines(
    [
      [...northwind, 'Ann Buyer', 'ann@northwind.example'],
      [...northwind, 'Bob Buyer', 'bob@northwind.example'],
      ['CT-002', 'Contoso Phones', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ],
    { header: [...ORGANIZATION_IMPORT_COLUMNS] },
  );
  return csvResponse(body, 'organizations-template.csv');
}
