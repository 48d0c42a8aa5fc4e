import type { Metadata } from 'next';
import Link from 'next/link';
import { AddDevicesForm } from '@/components/inventory/add-devices-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { inventoryPlaces } from '@/db/queries/inventory/inventory-places';
import { findProduct } from '@/db/queries/products/save-product';
import { requireStaff } from '@/lib/auth/session';
import { describeProduct } from '@/lib/products';
import { idParam, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Add devices' };

export default async function AddDevicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const productId = idParam(await searchParams, 'productId');
  const db = await getDb();
  const [product, places] = await Promise.all([
    productId ? findProduct(db, { sellerId: staff.sellerId, productId }) : Promise.resolve(null),
    inventoryPlaces(db, { sellerId: staff.sellerId }),
  ]);
  const preselected = product ? { id: product.id, sku: product.sku, description: describeProduct(product) } : null;
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
        <AddDevicesForm statuses={places.statuses} warehouses={places.warehouses} currency={staff.currency} defaultProduct={preselected} />
      </div>
    </>
  );
}
