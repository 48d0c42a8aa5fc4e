import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConditionSummary } from '@/components/devices/condition-summary';
import { DeviceConditionForm } from '@/components/inventory/device-condition-form';
import { PhotoManager } from '@/components/photos/photo-manager';
import { PhotoUploadForm } from '@/components/photos/photo-upload-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { deviceConditionHistory, findDeviceDetail } from '@/db/queries/inventory/device-detail';
import { devicePhotos } from '@/db/queries/photos/list-photos';
import { addDevicePhotoAction } from '@/lib/actions/photos/add-device-photo';
import { requireStaff } from '@/lib/auth/session';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';
import { describeProduct } from '@/lib/products';
import { parseId } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Device' };

const fieldLabel = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || 'none' : String(v));

/** One device: what it is, where it is, its order, and its condition with the form to edit it. */
export default async function DevicePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const deviceId = parseId((await params).id);
  if (!deviceId) notFound();
  const db = await getDb();
  const device = await findDeviceDetail(db, { sellerId: staff.sellerId, deviceId });
  if (!device) notFound();
  const [history, photos] = await Promise.all([
    deviceConditionHistory(db, { sellerId: staff.sellerId, deviceId }),
    devicePhotos(db, { sellerId: staff.sellerId, deviceId }),
  ]);
  const identifier = device.imei ? `IMEI ${device.imei}` : `Serial ${device.serial}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/inventory" className="text-slate-600 underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader title={identifier} description={`${describeProduct(device.product)} · SKU ${device.product.sku}`} />
      <section aria-labelledby="device-identity" className="mb-6 max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="device-identity" className="sr-only">
          Device
        </h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          {[
            ['IMEI', device.imei ?? '—'],
            ['Serial number', device.serial ?? '—'],
            ['Product', `${describeProduct(device.product)} (${device.product.sku})`],
            ['Grade', device.product.grade || '—'],
            ['Warehouse', `${device.warehouse.code} · ${device.warehouse.name}`],
            ['Status', device.status],
            ['Received', formatDate(device.receivedOn)],
            ['Cost', device.cost === null ? '—' : formatMoney(device.cost, staff.currency)],
          ].map(([term, value]) => (
            <div key={term}>
              <dt className="text-slate-600">{term}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
          <div>
            <dt className="text-slate-600">Committed to</dt>
            <dd className="font-medium">
              {device.orderNumber === null ? (
                'No order'
              ) : (
                <Link href={`/admin/orders/${device.orderNumber}`} className="text-blue-700 underline">
                  Order {device.orderNumber}
                </Link>
              )}
              {device.committedAt ? <span className="block text-xs font-normal text-slate-600">since {formatDateTime(device.committedAt)}</span> : null}
            </dd>
          </div>
        </dl>
      </section>

      {device.soldCondition ? (
        <section aria-labelledby="sold-condition" className="mb-6 max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="sold-condition" className="text-lg font-semibold">
            Condition when sold
          </h2>
          <p className="mb-2 text-sm text-slate-600">What the buyer of order {device.orderNumber} sees; edits below do not change it.</p>
          <ConditionSummary condition={device.soldCondition} />
        </section>
      ) : null}

      <section aria-labelledby="condition-heading" className="max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="condition-heading" className="mb-1 text-lg font-semibold">
          Condition
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          {device.condition.testedAt
            ? `Tested ${formatDate(device.condition.testedAt)}${device.condition.testSource ? ` with ${device.condition.testSource}` : ''}.`
            : 'No test recorded.'}
        </p>
        <DeviceConditionForm deviceId={device.id} condition={device.condition} />
      </section>

      <section aria-labelledby="device-photos" className="mt-8 max-w-4xl">
        <h2 id="device-photos" className="text-lg font-semibold">
          Photos of this unit
        </h2>
        <p className="mt-1 text-sm text-slate-600">Staff only for now: buyers see the product&apos;s photos.</p>
        <div className="mt-3 space-y-4">
          <PhotoManager photos={photos} label={`Photos of ${identifier}`} />
          <PhotoUploadForm action={addDevicePhotoAction} subject={{ deviceId: device.id }} />
        </div>
      </section>

      <section aria-labelledby="condition-history" className="mt-8 max-w-4xl">
        <h2 id="condition-history" className="text-lg font-semibold">
          Condition changes
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">The condition has not been changed yet.</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm">
            {history.map((h) => {
              const own = h.own as { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
              const changes = own
                ? Object.keys(own.after ?? {}).map((k) => [k, own.before?.[k], own.after?.[k]] as const)
                : Object.entries((h.details.changes ?? {}) as Record<string, { from: unknown; to: unknown }>).map(([k, c]) => [k, c.from, c.to] as const);
              const how = h.action === 'devices.condition_import' ? ' (diagnostics import)' : h.action === 'devices.condition_paste' ? ' (bulk paste)' : '';
              return (
                <li key={h.id}>
                  <span className="font-medium">{h.actorLabel}</span>
                  {how}: {changes.map(([k, from, to]) => `${fieldLabel(k)} ${show(from)} → ${show(to)}`).join('; ')}
                  <span className="block text-xs text-slate-500">
                    <time dateTime={h.createdAt.toISOString()}>{formatDateTime(h.createdAt)}</time>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </>
  );
}
