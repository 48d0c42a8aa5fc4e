'use client';

import { useParams } from 'next/navigation';
import { Button, LinkButton } from '@/components/ui/button';
import { StateFrame, StatePanel, errorReference } from '@/components/ui/state-panel';

/** A back-office page that failed: "Try again", the dashboard, and the reference of the server's log line. Never the message. */
export function BackOfficeErrorPage({ error, retry, standalone = false }: { error: unknown; retry: () => void; standalone?: boolean }) {
  return (
    <StateFrame standalone={standalone}>
      <StatePanel
        title="Something went wrong"
        reference={errorReference(error)}
        actions={
          <>
            <Button onClick={() => retry()}>Try again</Button>
            <LinkButton href="/admin">Go to the dashboard</LinkButton>
          </>
        }
      >
        <p>This page could not be shown. If you were saving something, check whether it was saved before you try again.</p>
        <p>If it keeps happening, give the reference below to whoever runs your installation.</p>
      </StatePanel>
    </StateFrame>
  );
}

/**
 * A back-office address with nothing behind it: "Order 1234 was not found"
 * when `noun` and `param` name the resource in the URL (another seller's reads
 * the same), with links to its list and the dashboard.
 */
export function BackOfficeNotFound({ noun, param, list }: { noun?: string; param?: string; list?: { href: string; label: string } }) {
  const params = useParams<Record<string, string | string[]>>();
  const value = param ? params[param] : undefined;
  const id = typeof value === 'string' ? decodeURIComponent(value) : undefined;
  return (
    <StatePanel
      title={noun && id ? `${noun} ${id} was not found` : 'Page not found'}
      actions={
        <>
          {list ? (
            <LinkButton href={list.href} variant="primary">
              Go to {list.label}
            </LinkButton>
          ) : null}
          <LinkButton href="/admin">Go to the dashboard</LinkButton>
        </>
      }
    >
      <p>
        {noun && id
          ? `There is no ${noun.toLowerCase()} ${id} at your company. Check the number, or find it in the list.`
          : 'There is nothing at this address. It may have moved, or the link may be mistyped.'}
      </p>
    </StatePanel>
  );
}
