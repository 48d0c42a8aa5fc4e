import type { Metadata } from 'next';
import { AccountLinkView } from '@/components/auth/account-link-view';
import { loadLinkView } from '@/lib/auth/link-views';
import { param, type SearchParams } from '@/lib/url-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer', robots: { index: false } };

/** Opened from an email (maybe by a mail scanner first): shows the link's state and changes nothing. */
export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = param(await searchParams, 'token') ?? '';
  const area = { kind: 'staff' as const };
  const view = await loadLinkView(area, 'password_reset', token);
  return <AccountLinkView area={area} portal={null} purpose="password_reset" view={view} token={token} />;
}
