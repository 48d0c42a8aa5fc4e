import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductForm } from '@/components/products/product-form';
import { PhotoManager } from '@/components/photos/photo-manager';
import { PhotoUploadForm } from '@/components/photos/photo-upload-form';
import { productPhotos } from '@/db/queries/photos/list-photos';
import { addProductPhotoAction } from '@/lib/actions/photos/add-product-photo';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { productAttributeValues } from '@/db/queries/products/attribute-values';
import { productPriceHistory } from '@/db/queries/products/price-history';
import { findProduct } from '@/db/queries/products/save-product';
import { requireStaff } from '@/lib/auth/session';
import { formatMoney, minorToDecimalString } from '@/lib/money';
import { formatDateTime } from '@/lib/format/dates';
import { describeProduct } from '@/lib/products';
import { param, parseId, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Product' };

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaff();
  const { id } = await params;
  const created = param(await searchParams, 'created');
  const productId = parseId(id);
  if (!productId) notFound();
  const db = await getDb();
  const product = await findProduct(db, { sellerId: staff.sellerId, productId });
  if (!product) notFound();
  const [history, known, photos] = await Promise.all([
    productPriceHistory(db, { sellerId: staff.sellerId, productId }),
    productAttributeValues(db, { sellerId: staff.sellerId }),
    productPhotos(db, { sellerId: staff.sellerId, productId }),
  ]);
  const price = (minor: number | null) => (minor === null ? 'price on request' : formatMoney(minor, staff.currency));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/products" className="text-slate-600 underline">
          ← Products
        </Link>
      </p>
      <PageHeader
        title={describeProduct(product)}
        description={`SKU ${product.sku}`}
        actions={
          <>
            <LinkButton href={`/admin/inventory?productId=${product.id}`}>Devices</LinkButton>
            <LinkButton href={`/admin/inventory/add?productId=${product.id}`}>Add devices</LinkButton>
          </>
        }
      />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
        <ProductForm
          productId={product.id}
          currency={staff.currency}
          known={known}
          initialMessage={created ? `Product ${product.sku} created.` : undefined}
          defaults={{
            sku: product.sku,
            manufacturer: product.manufacturer,
            model: product.model,
            capacity: product.capacity,
            color: product.color,
            network: product.network,
            grade: product.grade,
            listPrice: product.listPrice === null ? '' : minorToDecimalString(product.listPrice, staff.currency),
            minOrderQuantity: product.minOrderQuantity,
            orderIncrement: product.orderIncrement,
          }}
        />
      </div>
      <section aria-labelledby="product-photos" className="mt-8 max-w-3xl">
        <h2 id="product-photos" className="text-lg font-semibold">
          Photos
        </h2>
        <p className="mt-1 text-sm text-slate-600">Buyers see these in the portal; the first one is the thumbnail on For Sale.</p>
        <div className="mt-3 space-y-4">
          <PhotoManager photos={photos} label={`Photos of ${product.sku}`} />
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <PhotoUploadForm action={addProductPhotoAction} subject={{ productId: product.id }} />
          </div>
        </div>
      </section>
      <section aria-labelledby="price-history" className="mt-8 max-w-3xl">
        <h2 id="price-history" className="text-lg font-semibold">
          Price changes
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">The list price has not been changed since the product was created.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at)} · {h.actor}: {price(h.from)} → {price(h.to)}
                {h.source === 'price file' || h.source === 'product import' ? ` (${h.source})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
