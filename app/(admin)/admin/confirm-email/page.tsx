import type { Metadata } from 'next';
import { EmailChangeView } from '@/components/account/email-change-view';
import { loadEmailChangeView } from '@/lib/auth/link-views';
import { param, type SearchParams } from '@/lib/url-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm your new email address', referrer: 'no-referrer', robots: { index: false } };

/** Opened from an email (maybe by a mail scanner first): shows the link's state and changes nothing. */
export default async function StaffConfirmEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = param(await searchParams, 'token') ?? '';
  const area = { kind: 'staff' as const };
  const view = await loadEmailChangeView(area, token);
  return <EmailChangeView area={area} portal={null} view={view} token={token} />;
}
