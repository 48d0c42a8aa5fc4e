'use client';

import { useParams } from 'next/navigation';
import { BrandMark } from '@/components/portal/brand-header';
import { usePortalBrand } from '@/components/portal/portal-brand';
import { Button, LinkButton } from '@/components/ui/button';
import { StateFrame as Frame, StatePanel, errorReference } from '@/components/ui/state-panel';

/**
 * A portal page that failed: in the seller's brand (never the platform's: on
 * the seller's own domain this is their site), "Try again", back to For Sale,
 * and the reference that matches the server's log. Never the error message.
 * `withBrand` shows the seller's mark where the shop header is not on the page.
 */
export function PortalErrorPage({ error, retry, withBrand = false }: { error: unknown; retry: () => void; withBrand?: boolean }) {
  const brand = usePortalBrand();
  const { slug } = useParams<{ slug: string }>();
  const seller = brand?.name ?? 'the seller';
  return (
    <Frame standalone={withBrand}>
      {withBrand && brand ? (
        <p className="flex justify-center">
          <a href={`/p/${brand.slug}`} aria-label={`${brand.name} home`}>
            <BrandMark portal={brand} />
          </a>
        </p>
      ) : null}
      <StatePanel
        title="Something went wrong"
        reference={errorReference(error)}
        actions={
          <>
            <Button onClick={() => retry()}>Try again</Button>
            <LinkButton href={`/p/${brand?.slug ?? slug}`}>Back to For Sale</LinkButton>
          </>
        }
      >
        <p>This page could not be shown. If you were saving something, check whether it was saved before you try again.</p>
        <p>If it keeps happening, contact {seller} and give them the reference below.</p>
      </StatePanel>
    </Frame>
  );
}
