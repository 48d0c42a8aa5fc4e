import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';
import { cartContents } from '@/db/queries/cart';
import { RequestQuoteForm } from '@/components/quotes/request-quote-form';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireOpenPortalCustomer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Request a quote' };

export default async function RequestQuotePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const cart = await cartContents(await getDb(), { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId });
  const base = `/p/${slug}`;
  if (!cart.lines.length) {
    return (
      <>
        <PageHeader title="Request a quote" />
        <p className="mb-4">Your cart is empty. Add the products you want a quote for, then request it from the cart.</p>
        <LinkButton href={base} variant="primary">
          Browse For Sale
        </LinkButton>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Request a quote"
        description={`Ask ${customer.portal.name} for prices on the ${cart.lines.length} ${cart.lines.length === 1 ? 'line' : 'lines'} of your cart. Name a target price where you have one.`}
      />
      <RequestQuoteForm cart={cart} currency={customer.currency} idempotencyKey={randomUUID()} />
    </>
  );
}
