import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { forSaleProduct } from '@/db/queries/for-sale';
import { photosOfDevices, productPhotos } from '@/db/queries/photos/list-photos';
import { availableUnits, UNITS_PAGE_SIZE } from '@/db/queries/portal/units/pick-units';
import { GradeBadge, variantTitle } from '@/components/for-sale/grade-badge';
import { PhotoGallery } from '@/components/photos/photo-gallery';
import { ProductAddToCart } from '@/components/portal/products/product-add-to-cart';
import { ProductConditionSummary } from '@/components/portal/products/product-condition-summary';
import { PickUnitsForm } from '@/components/portal/products/pick-units-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { formatMoney } from '@/lib/money';
import { gradeAnchor } from '@/lib/photos/photo-path';
import { productLabel } from '@/lib/portal/product-label';
import { availableText, browsableUnits, lastUnitsPage } from '@/lib/portal/quantity-display';
import { describeRules, smallestAllowed } from '@/lib/portal/quantity-rules';
import { blacklistLabels, carrierLockLabels, lockStateLabels, type BlacklistState, type CarrierLockState, type LockState } from '@/lib/device-condition';
import { photoFileName } from '@/lib/photos/photo-path';
import { pageParam } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Product' };

/**
 * A product of For Sale: its attributes, grade (linked to the grade guide), gallery, this buyer's price
 * with its quantity breaks, what is available and how those units divide by battery health and lock, and
 * "Add to cart". Read as For Sale reads it (db/queries/for-sale.ts), so a SKU that For Sale would not list
 * to this buyer (another seller's, unknown, unavailable, unpriced while hidden) answers 404.
 */
export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; sku: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, sku } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const display = customer.portal.quantityDisplay;
  // Under capped or hidden quantities the unit list pages no further than the setting tells.
  const unitsPage = Math.min(pageParam(await searchParams, 'units'), lastUnitsPage(display, UNITS_PAGE_SIZE));
  const db = await getDb();
  const sellerId = customer.sellerId;
  const product = await forSaleProduct(db, { sellerId, organizationId: customer.organizationId, sku: decodeURIComponent(sku) });
  if (!product) notFound();
  const scope = { sellerId, portalAccountId: customer.portalAccountId };
  const [photos, units] = await Promise.all([
    productPhotos(db, { sellerId, productId: product.id }),
    customer.portal.buyersMayPickUnits ? availableUnits(db, { ...scope, productId: product.id, page: unitsPage }) : null,
  ]);
  const browsable = units ? browsableUnits(units.total, display, UNITS_PAGE_SIZE) : 0;
  const offset = (unitsPage - 1) * UNITS_PAGE_SIZE;
  const shownUnits = units ? units.units.slice(0, Math.max(0, browsable - offset)) : [];
  const unitPhotos = shownUnits.length ? await photosOfDevices(db, { sellerId, deviceIds: shownUnits.map((u) => u.id) }) : new Map();
  const base = `/p/${slug}`;
  const currency = customer.currency;
  const rules = describeRules(product);
  const attributes: [string, string][] = [
    ['Manufacturer', product.manufacturer],
    ['Model', product.model],
    ['Capacity', product.capacity],
    ['Colour', product.color],
    ['Network', product.network],
    ['SKU', product.sku],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-[var(--brand-text)] underline">
          ← For Sale
        </Link>
      </p>
      <PageHeader title={variantTitle(product)} description={`Grade ${product.grade || '—'} · ${product.sku}`} />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        {/* First in reading order, so a phone shows the price and Add right under the title; the right column from lg. */}
        <aside aria-label="Price and availability" className="product-buy space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-start-2 lg:row-start-1">
          <p className="text-2xl font-semibold tabular-nums">
            {product.price === null ? <i className="text-base font-normal text-slate-500">Price on request</i> : formatMoney(product.price, currency)}
          </p>
          {product.listPrice !== null && product.price !== null && product.price < product.listPrice ? (
            <p className="text-sm text-slate-500">
              <s>{formatMoney(product.listPrice, currency)}</s> list
            </p>
          ) : null}
          {product.breaks.length ? (
            <ul aria-label="Quantity breaks" className="text-sm text-slate-700">
              {product.breaks.map((b) => (
                <li key={b.min}>
                  {b.min}+ {formatMoney(b.price, currency)} each
                </li>
              ))}
            </ul>
          ) : null}
          <p className="text-sm font-medium">{availableText(product.available, display)}</p>
          {rules ? <p className="text-sm text-slate-600">{rules}</p> : null}
          <ProductAddToCart productId={product.id} label={productLabel(product)} min={smallestAllowed(product)} step={product.orderIncrement} />
        </aside>
        <div className="space-y-6 lg:col-start-1 lg:row-start-1">
          <PhotoGallery photos={photos} base={`${base}/photos`} label="Photos" />
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
            {attributes
              .filter(([, value]) => value)
              .map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-slate-600">{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            <dt className="text-slate-600">Grade</dt>
            <dd>
              <GradeBadge grade={product.grade} guide={`${base}/grades`} />{' '}
              {product.grade ? (
                <Link href={`${base}/grades#${gradeAnchor(product.grade)}`} prefetch={false} className="text-[var(--brand-text)] underline">
                  What grade {product.grade} means
                </Link>
              ) : null}
            </dd>
          </dl>
          <ProductConditionSummary cells={product.cells} display={display} />
          {units ? (
            <section aria-labelledby="units-heading">
              <h2 id="units-heading" className="mb-2 text-lg font-semibold">
                Pick units
              </h2>
              {shownUnits.length ? (
                <>
                  <PickUnitsForm
                    units={shownUnits.map((u) => ({
                      id: u.id,
                      tail: u.identifierTail,
                      battery: u.batteryHealth === null ? 'Not measured' : `${u.batteryHealth}%${u.batteryCycles === null ? '' : ` · ${u.batteryCycles} cycles`}`,
                      lock: u.carrierLock === 'locked' && u.carrier ? `Locked to ${u.carrier}` : carrierLockLabels[u.carrierLock as CarrierLockState] ?? u.carrierLock,
                      blacklist: blacklistLabels[u.blacklistStatus as BlacklistState] ?? u.blacklistStatus,
                      activation: lockStateLabels[u.activationLock as LockState] ?? u.activationLock,
                      test: u.functionalTest === 'fail' ? `Fail${u.failedChecks.length ? `: ${u.failedChecks.join(', ')}` : ''}` : u.functionalTest === 'pass' ? 'Pass' : 'Not tested',
                      notes: u.cosmeticNotes ?? '',
                      picked: u.picked,
                      photos: (unitPhotos.get(u.id) ?? []).map((p: { sha256: string; alt: string }) => ({ src: `${base}/photos/${photoFileName(p.sha256, 96)}`, alt: p.alt })),
                    }))}
                  />
                  {browsable > UNITS_PAGE_SIZE ? (
                    <nav aria-label="Unit pages" className="mt-2 flex gap-3 text-sm">
                      {unitsPage > 1 ? <Link href={`?units=${unitsPage - 1}`}>← Previous units</Link> : null}
                      <span>
                        {display.mode === 'exact' ? `Page ${unitsPage} of ${Math.ceil(browsable / UNITS_PAGE_SIZE)}` : `Page ${unitsPage}`}
                      </span>
                      {unitsPage * UNITS_PAGE_SIZE < browsable ? <Link href={`?units=${unitsPage + 1}`}>Next units →</Link> : null}
                    </nav>
                  ) : null}
                </>
              ) : (
                <p className="text-sm text-slate-600">No units to pick on this page.</p>
              )}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
