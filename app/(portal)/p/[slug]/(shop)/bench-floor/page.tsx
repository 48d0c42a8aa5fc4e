import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { benchFloorEnabled } from '@/lib/env';

export const metadata: Metadata = { title: 'Benchmark floor' };

/** Fifty fixed rows shaped like For Sale's: what the page costs without a single statement of its own. */
const rows = Array.from({ length: 50 }, (_, i) => ({
  title: `Floor Phone ${i + 1} 128GB Midnight Unlocked`,
  grade: ['A+', 'A', 'B', 'C'][i % 4]!,
  price: `$${(199 + i * 7).toLocaleString('en-US')}.00`,
  available: String(3 + ((i * 37) % 90)),
}));

/**
 * The benchmark's floor: the shop layout (session check, brand, cart summary)
 * around a plain server-rendered table, no database read of its own and no
 * client component. For Sale is measured against it.
 */
export default async function BenchFloorPage({ params }: { params: Promise<{ slug: string }> }) {
  // Only a benchmark run serves it (`npm run bench` sets both flags); for everyone else it does not exist.
  if (!benchFloorEnabled()) notFound();
  const { slug } = await params;
  await requireOpenPortalCustomer(slug);
  return (
    <>
      <PageHeader title="Benchmark floor" description="50 fixed rows, no database." />
      <Table caption="Fixed rows">
        <thead>
          <tr>
            <Th>Product</Th>
            <Th>Grade</Th>
            <Th className="text-right">Price</Th>
            <Th className="text-right">Available</Th>
            <Th>Note</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.title}>
              <Td className="font-medium text-slate-900">{row.title}</Td>
              <Td>{row.grade}</Td>
              <Td className="text-right tabular-nums">{row.price}</Td>
              <Td className="text-right tabular-nums">{row.available}</Td>
              <Td className="text-slate-600">Static text</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
