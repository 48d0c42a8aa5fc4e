import { LinkButton } from '@/components/ui/button';

/** An unknown address id, or one of another organization or seller: answered the same way. */
export default function ShipToAddressNotFound() {
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Shipping address not found</h2>
      <p className="text-slate-600">It does not exist, or it is not one of this organization&apos;s addresses.</p>
      <LinkButton href="/admin/organizations">Back to Organizations</LinkButton>
    </section>
  );
}
