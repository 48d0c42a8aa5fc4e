import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductForm } from '@/components/products/product-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { productAttributeValues } from '@/db/queries/products/attribute-values';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  const staff = await requireStaff();
  const known = await productAttributeValues(await getDb(), { sellerId: staff.sellerId });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/products" className="text-slate-600 underline">
          ← Products
        </Link>
      </p>
      <PageHeader title="New product" description="One variation: model, capacity, color, network and grade, with its own SKU." />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
        <ProductForm
          currency={staff.currency}
          known={known}
          defaults={{ sku: '', manufacturer: '', model: '', capacity: '', color: '', network: '', grade: '', listPrice: '', minOrderQuantity: 1, orderIncrement: 1 }}
        />
      </div>
    </>
  );
}
