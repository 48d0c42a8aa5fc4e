import { PortalNotFound } from '@/components/portal/states/portal-not-found';

/** The same words whether the SKU is unknown, another seller's or sold out: nothing says which. */
export default function ProductNotFound() {
  return (
    <PortalNotFound
      noun="Product"
      param="sku"
      title="{id} is not for sale"
      text="No product {id} is on For Sale for you now: it may be sold out, or the SKU may be mistyped."
      back={null}
    />
  );
}
