import type { Metadata } from 'next';
import Link from 'next/link';
import { AddDevicesForm } from '@/components/inventory/add-devices-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { inventoryPlaces } from '@/db/queries/inventory/inventory-places';
import { productChoices } from '@/db/queries/products/attribute-values';
import { requireStaff } from '@/lib/auth/session';
import { idParam, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Add devices' };

export default async function AddDevicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const productId = idParam(await searchParams, 'productId');
  const db = await getDb();
  const [products, places] = await Promise.all([
    productChoices(db, { sellerId: staff.sellerId }),
    inventoryPlaces(db, { sellerId: staff.sellerId }),
  ]);
  const preselected = products.find((p) => p.id === productId)?.id;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/inventory" className="text-slate-600 underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader
        title="Add devices"
        description="Paste or scan IMEIs for one product. Bad check digits, wrong lengths, repeats and devices you already have are listed by line, and then nothing is added."
      />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
        <AddDevicesForm products={products} statuses={places.statuses} warehouses={places.warehouses} currency={staff.currency} defaultProductId={preselected} />
      </div>
    </>
  );
}
