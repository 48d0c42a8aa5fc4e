import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';
import { cartContents } from '@/db/queries/cart';
import { checkoutReadiness, minimumOrderMessage } from '@/db/queries/checkout';
import { shipToChoices, shipToOf } from '@/db/queries/ship-to-addresses/list-ship-to-addresses';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { OrderingUnavailable } from '@/components/checkout/ordering-unavailable';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { CheckoutLines } from '@/components/checkout/checkout-lines';
import { CreditBalanceNote } from '@/components/checkout/credit-balance-note';
import { organizationCreditBalance } from '@/db/queries/invoices/credit-balance';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { pickedUnits } from '@/db/queries/portal/units/pick-units';
import { PickedUnitsSection } from '@/components/cart/picked-units-section';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  const [cart, readiness, credit, shipTo, picked] = await Promise.all([
    cartContents(db, scope),
    checkoutReadiness(db, scope),
    organizationCreditBalance(db, { sellerId: customer.sellerId, organizationId: customer.organizationId }),
    shipToChoices(db, { sellerId: customer.sellerId, organizationId: customer.organizationId }),
    pickedUnits(db, scope),
  ]);
  const base = `/p/${slug}`;

  if (!readiness.ready) {
    return (
      <>
        <PageHeader title="Checkout" />
        <OrderingUnavailable sellerName={customer.portal.name} />
      </>
    );
  }
  if (!cart.lines.length && !picked.length) {
    return (
      <>
        <PageHeader title="Checkout" />
        <p className="mb-4">Your cart is empty.</p>
        <LinkButton href={base} variant="primary">
          Browse For Sale
        </LinkButton>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Checkout" description={`Ordering from ${customer.portal.name} for ${customer.organizationName}.`} />
      <div className="grid gap-8 lg:grid-cols-5">
        <section aria-labelledby="summary-heading" className="lg:col-span-3">
          <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
            Your order
          </h2>
          {cart.lines.length ? <CheckoutLines cart={cart} currency={customer.currency} /> : null}
          <PickedUnitsSection units={picked} removable={false} />
          <p className="mt-3 text-sm text-slate-600">
            Prices are today&apos;s list prices. {customer.portal.name} confirms prices and stock before the order ships; the
            serial numbers (IMEIs) of your devices are assigned then.
          </p>
        </section>
        <section aria-labelledby="details-heading" className="lg:col-span-2">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold">
            Delivery, payment and reference
          </h2>
          <CreditBalanceNote total={credit.total} currency={customer.currency} sellerName={customer.portal.name} invoicesHref={`${base}/invoices`} />
          {cart.hasProblems || cart.belowMinimum ? (
            <Alert tone="warning" title={cart.hasProblems ? 'Some lines need a change' : 'Below the minimum order value'}>
              <p>
                {cart.belowMinimum && cart.minOrderValue !== null
                  ? `${minimumOrderMessage({ minimum: cart.minOrderValue, total: cart.subtotal, currency: customer.currency })} `
                  : ''}
                {cart.hasProblems ? 'Change or remove the flagged lines in your cart, then come back to check out.' : 'Add more in your cart, then come back to check out.'}
              </p>
              <p className="mt-3">
                <LinkButton href={`${base}/cart`}>Adjust your cart</LinkButton>
              </p>
            </Alert>
          ) : (
            <CheckoutForm
              methods={readiness.paymentMethods}
              idempotencyKey={randomUUID()}
              addresses={shipTo.addresses.map((a) => ({ id: a.id, isDefault: a.isDefault, shipTo: shipToOf(a) }))}
              buyersMayAddAddresses={shipTo.buyersMayAdd}
              sellerName={customer.portal.name}
            />
          )}
        </section>
      </div>
    </>
  );
}
