'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { cartSummaryKey, usePortalSlug } from './cart-provider';
import { unpickUnitAction } from '@/lib/actions/portal/unpick-unit';

/** "Remove" for one picked unit in the cart. */
export function UnpickUnitButton({ deviceId, tail }: { deviceId: number; tail: string }) {
  const slug = usePortalSlug();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      aria-disabled={pending || undefined}
      aria-label={`Remove unit ${tail}`}
      className="text-sm text-red-700 underline"
      onClick={() =>
        start(async () => {
          const result = await unpickUnitAction(slug, { deviceId });
          if (!result.ok) return;
          queryClient.setQueryData(cartSummaryKey(slug), result.data.summary);
          router.refresh();
        })
      }
    >
      Remove
    </button>
  );
}
