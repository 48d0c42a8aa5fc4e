import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { settingsPageAccess } from '@/lib/settings/page-access';
import { parseId } from '@/lib/url-params';
import { cataloguePagesFor } from '../catalogue-pages';

type Props = { params: Promise<{ catalogue: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: cataloguePagesFor((await params).catalogue)?.editTitle };
}

/** /admin/settings/warehouses/12 and the like: one entry of a catalogue. */
export default async function CatalogueEntryPage({ params }: Props) {
  const { catalogue, id: rawId } = await params;
  const pages = cataloguePagesFor(catalogue);
  if (!pages) notFound();
  const { staff, allowed } = await settingsPageAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const id = parseId(rawId);
  const page = id ? await pages.edit(await getDb(), { sellerId: staff.sellerId, id }) : null;
  if (!page) notFound();
  return page;
}
