'use client';

import { useParams } from 'next/navigation';
import { BrandMark } from '@/components/portal/brand-header';
import { usePortalBrand } from '@/components/portal/portal-brand';
import { LinkButton } from '@/components/ui/button';
import { StateFrame as Frame, StatePanel } from '@/components/ui/state-panel';

/**
 * A portal address with nothing behind it, in the seller's brand: "Order 1234
 * was not found" when `noun` and `param` name the resource in the URL
 * (another organization's order reads the same: nothing says it exists),
 * with links to For Sale and Orders (or `back`, the resource's list).
 */
export function PortalNotFound({
  noun,
  param,
  back,
  title: titleTemplate,
  text: textTemplate,
  withBrand = false,
}: {
  noun?: string;
  /** Instead of "{noun} {id} was not found"; `{id}` is replaced by the URL's value. */
  title?: string;
  text?: string;
  param?: string;
  /** The second link (Orders unless said; null: For Sale only). */
  back?: { path: string; label: string } | null;
  withBrand?: boolean;
}) {
  const brand = usePortalBrand();
  const params = useParams<Record<string, string | string[]>>();
  const slug = brand?.slug ?? String(params.slug ?? '');
  const base = `/p/${slug}`;
  const value = param ? params[param] : undefined;
  const id = typeof value === 'string' ? decodeURIComponent(value) : undefined;
  const fill = (template: string) => template.replaceAll('{id}', id ?? '');
  const title = titleTemplate && id ? fill(titleTemplate) : noun && id ? `${noun} ${id} was not found` : 'Page not found';
  const list = back === undefined ? { path: '/orders', label: 'Orders' } : back;
  return (
    <Frame standalone={withBrand}>
      {withBrand && brand ? (
        <p className="flex justify-center">
          <a href={base} aria-label={`${brand.name} home`}>
            <BrandMark portal={brand} />
          </a>
        </p>
      ) : null}
      <StatePanel
        title={title}
        actions={
          <>
            <LinkButton href={base} variant="primary">
              Go to For Sale
            </LinkButton>
            {list ? <LinkButton href={`${base}${list.path}`}>Go to {list.label}</LinkButton> : null}
          </>
        }
      >
        <p>
          {textTemplate && id
            ? fill(textTemplate)
            : noun && id
            ? `There is no ${noun.toLowerCase()} ${id} in your account. Check the number, or find it in the list.`
            : 'There is nothing at this address. It may have moved, or the link may be mistyped.'}
        </p>
      </StatePanel>
    </Frame>
  );
}
