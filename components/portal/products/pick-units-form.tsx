'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { cartSummaryKey, usePortalSlug } from '@/components/cart/cart-provider';
import { buttonClass } from '@/components/ui/button';
import { pickUnitsAction } from '@/lib/actions/portal/pick-units';

/** A unit as the list shows it; formatted on the server (the IMEI is only ever its masked tail). */
export type UnitRowView = {
  id: number;
  tail: string;
  battery: string;
  lock: string;
  blacklist: string;
  activation: string;
  test: string;
  notes: string;
  picked: boolean;
  photos: { src: string; alt: string }[];
};

/**
 * The available units of a product with a checkbox each; "Add picked units to cart" sends the chosen
 * ids, which the server checks again (seller, sellable, not held). Units already in the cart are marked.
 */
export function PickUnitsForm({ units }: { units: UnitRowView[] }) {
  const slug = usePortalSlug();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const deviceIds = new FormData(e.currentTarget).getAll('deviceId').map(String);
    if (!deviceIds.length) {
      setMessage({ ok: false, text: 'Tick the units you want first.' });
      return;
    }
    start(async () => {
      const result = await pickUnitsAction(slug, { deviceIds: deviceIds.map(Number) });
      setMessage(result.ok ? { ok: true, text: result.message ?? 'Added to your cart.' } : { ok: false, text: result.error });
      if (!result.ok) return;
      queryClient.setQueryData(cartSummaryKey(slug), result.data.summary);
      router.refresh();
    });
  };

  return (
    <form onSubmit={onSubmit} aria-label="Pick units">
      <table className="card-table w-full text-sm">
        <caption className="sr-only">Available units</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-1 pr-2">
              <span className="sr-only">Pick</span>
            </th>
            <th scope="col" className="py-1 pr-2">IMEI</th>
            <th scope="col" className="py-1 pr-2">Battery</th>
            <th scope="col" className="py-1 pr-2">Lock</th>
            <th scope="col" className="py-1 pr-2">Blacklist</th>
            <th scope="col" className="py-1 pr-2">Activation lock</th>
            <th scope="col" className="py-1 pr-2">Test</th>
            <th scope="col" className="py-1 pr-2">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {units.map((u) => (
            <tr key={u.id}>
              <td className="py-1 pr-2">
                {u.picked ? (
                  <span className="text-green-700">In cart</span>
                ) : (
                  <input type="checkbox" name="deviceId" value={u.id} aria-label={`Pick unit ${u.tail}`} />
                )}
              </td>
              <td className="py-1 pr-2 font-mono" data-label="IMEI">
                {u.tail}
              </td>
              <td className="py-1 pr-2 tabular-nums" data-label="Battery">
                {u.battery}
              </td>
              <td className="py-1 pr-2" data-label="Lock">
                {u.lock}
              </td>
              <td className="py-1 pr-2" data-label="Blacklist">
                {u.blacklist}
              </td>
              <td className="py-1 pr-2" data-label="Activation lock">
                {u.activation}
              </td>
              <td className="py-1 pr-2" data-label="Test">
                {u.test}
              </td>
              <td className="py-1 pr-2" data-label="Notes" data-empty={(!u.notes && !u.photos.length) || undefined}>
                {u.notes}
                {u.photos.map((p) => (
                  // The unit's own photos, 96 px thumbnails served from the portal's photo route.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img key={p.src} src={p.src} alt={p.alt} width={48} height={48} loading="lazy" className="mr-1 inline-block" />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" aria-disabled={pending || undefined} className={buttonClass('primary')}>
          Add picked units to cart
        </button>
        {message ? (
          <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-green-700' : 'text-red-700'}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
