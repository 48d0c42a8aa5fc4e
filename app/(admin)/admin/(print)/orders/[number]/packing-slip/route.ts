import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findPackingSlipDocument } from '@/db/queries/orders/packing-slip-document';
import { requireStaff } from '@/lib/auth/session';
import { parseId } from '@/lib/url-params';
import { renderPackingSlipPdf } from '@/lib/packing-slips/pdf';

export const dynamic = 'force-dynamic';

/** The packing slip of one of the seller's orders as a PDF, for staff. Another seller's order: 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const staff = await requireStaff();
  const orderNumber = parseId((await params).number);
  if (!orderNumber) notFound();
  const slip = await findPackingSlipDocument(await getDb(), { sellerId: staff.sellerId, orderNumber });
  if (!slip) notFound();
  const pdf = await renderPackingSlipPdf(slip);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="packing-slip-${slip.orderNumber}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
