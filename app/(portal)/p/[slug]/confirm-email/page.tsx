import type { Metadata } from 'next';
import { EmailChangeView } from '@/components/account/email-change-view';
import { loadEmailChangeView } from '@/lib/auth/link-views';
import { requirePortal } from '@/lib/auth/session';
import { param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Confirm your new email address', referrer: 'no-referrer', robots: { index: false } };

/** Opened from an email (maybe by a mail scanner first): shows the link's state and changes nothing. */
export default async function Page({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const token = param(await searchParams, 'token') ?? '';
  const portal = await requirePortal(slug);
  const area = { kind: 'customer' as const, slug };
  const view = await loadEmailChangeView(area, token);
  return <EmailChangeView area={area} portal={portal} view={view} token={token} />;
}
