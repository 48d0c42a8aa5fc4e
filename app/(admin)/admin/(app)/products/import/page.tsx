import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductImportForm } from '@/components/products/product-import-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';
import { MAX_IMPORT_ROWS, PRODUCT_IMPORT_COLUMNS } from '@/lib/imports/columns';

export const metadata: Metadata = { title: 'Import products' };

const template =
  `${PRODUCT_IMPORT_COLUMNS.join(',')}\n` +
  'APP-IP13-128-MID-A-UNL,Apple,iPhone 13,128GB,Midnight,Unlocked,A,389.00,1,1\n' +
  'SAM-S22-256-BLK-B-UNL,Samsung,Galaxy S22,256GB,Black,Unlocked,B,on request,5,5\n';

/** Products > Import products: create and update products by SKU from a CSV file of up to 100,000 rows. */
export default async function ImportProductsPage() {
  const staff = await requireStaff();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-blue-700 hover:underline" href="/admin/products">
          Products
        </Link>
      </p>
      <PageHeader title="Import products" description="Create and update your products from a CSV file, by SKU." />
      <div className="max-w-5xl space-y-6">
        <section aria-labelledby="format-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800">
          <h2 id="format-heading" className="text-base font-semibold">The file</h2>
          <p>
            One row per product, up to {formatNumber(MAX_IMPORT_ROWS)} rows. The first line names the columns (case, spaces and punctuation do not
            matter; “Colour”, “Brand”, “Price” and “MOQ” are understood too):
          </p>
          <p className="font-mono text-xs break-words">{PRODUCT_IMPORT_COLUMNS.join(', ')}</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <strong>sku</strong> finds the product, whatever its case: a new SKU creates a product, a known one updates it. sku, manufacturer and model
              are required on every row; a SKU may appear once per file.
            </li>
            <li>A column the file leaves out changes nothing on the products it updates.</li>
            <li>
              <strong>list_price</strong> in {staff.currency}: empty leaves the price as it is (a new product is “price on request”); “on request” removes
              it. Every price change is written to the product&apos;s price history.
            </li>
            <li>
              <strong>min_order_quantity</strong> and <strong>order_increment</strong> (sold in packs of) are whole numbers; the minimum must be a whole
              number of packs.
            </li>
            <li>Nothing changes until you import, and then every row is imported or none.</li>
          </ul>
          <p>
            <a className="font-medium text-blue-700 underline" download="products-template.csv" href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}>
              Download a template
            </a>
          </p>
        </section>
        <ProductImportForm currency={staff.currency} />
      </div>
    </>
  );
}
