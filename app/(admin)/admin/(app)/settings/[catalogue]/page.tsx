import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { settingsPageAccess } from '@/lib/settings/page-access';
import { pageParam, param, type SearchParams } from '@/lib/url-params';
import { cataloguePagesFor } from './catalogue-pages';

type Props = { params: Promise<{ catalogue: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props) {
  return { title: cataloguePagesFor((await params).catalogue)?.title };
}

/** /admin/settings/warehouses, …/inventory-statuses, …/order-statuses, …/sales-channels, …/payment-methods. */
export default async function CataloguePage({ params, searchParams }: Props) {
  const pages = cataloguePagesFor((await params).catalogue);
  if (!pages) notFound();
  const { staff, allowed } = await settingsPageAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const query = await searchParams;
  return pages.list(await getDb(), { sellerId: staff.sellerId, page: pageParam(query), deleted: param(query, 'deleted') });
}
