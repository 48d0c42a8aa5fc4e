import type { Metadata } from 'next';
import { formatDateTime } from '@/lib/format/dates';
import { StatusBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { linksIn, listMailbox } from '@/db/queries/mailbox';
import { requireDevelopmentMailbox } from '@/lib/email/mailbox-access';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

const PAGE_SIZE = 20;
const statusColor = { queued: '#b45309', sent: '#15803d', failed: '#b91c1c' } as const;

/**
 * Every email in the outbox, newest first, with its links clickable, for
 * development without an email provider. The `.dev.tsx` name keeps it out of
 * production builds (next.config.ts adds that extension only under `next dev`).
 */
export default async function DevMailPage({ searchParams }: { searchParams: Promise<{ to?: string; page?: string }> }) {
  requireDevelopmentMailbox();
  const { to, page: pageParam } = await searchParams;
  const page = Math.max(1, Number.parseInt(pageParam ?? '1', 10) || 1);
  const { rows, total } = await listMailbox(await getDb(), { to, page, pageSize: PAGE_SIZE });
  return (
    <main className="mx-auto max-w-4xl px-6 py-8">
      <PageHeader
        title="Development mailbox"
        description="No email provider is configured (RESEND_API_KEY is not set), so emails stay here. This page exists only under npm run dev."
      />
      <form className="mb-6 flex items-end gap-3" role="search">
        <div className="grow">
          <Field id="to" label="Recipient">
            <Input id="to" name="to" type="email" defaultValue={to ?? ''} placeholder="buyer@example.com" />
          </Field>
        </div>
        <Button type="submit" variant="secondary">Filter</Button>
      </form>
      {rows.length === 0 ? <p className="text-slate-600">No emails{to ? ` to ${to}` : ''} yet.</p> : null}
      <ol className="space-y-4">
        {rows.map((message) => (
          <li key={message.id}>
            <article aria-label={message.subject} className="rounded-lg border border-slate-200 bg-white p-4">
              <header className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">{message.subject}</h2>
                  <p className="text-sm text-slate-600">
                    To {message.recipient} · {message.kind} · {formatDateTime(message.createdAt)} UTC
                  </p>
                </div>
                <StatusBadge color={statusColor[message.status]}>{message.status}</StatusBadge>
              </header>
              {message.lastError ? <p className="mt-2 text-sm text-red-700">Last error: {message.lastError}</p> : null}
              {linksIn(message.text).length ? (
                <ul className="mt-3 space-y-1 text-sm">
                  {linksIn(message.text).map((url) => (
                    <li key={url} className="break-all">
                      <a className="text-blue-700 underline" href={url}>
                        {url}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <details className="mt-3">
                <summary className="cursor-pointer text-sm text-slate-700">Show the email</summary>
                <iframe
                  title={`Email: ${message.subject}`}
                  sandbox=""
                  srcDoc={message.html}
                  className="mt-2 h-96 w-full rounded border border-slate-200 bg-white"
                />
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">{message.text}</pre>
              </details>
            </article>
          </li>
        ))}
      </ol>
      <Pagination basePath="/dev/mail" searchParams={{ to }} page={page} pageSize={PAGE_SIZE} total={total} />
    </main>
  );
}
