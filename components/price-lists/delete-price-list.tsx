'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deletePriceListAction } from '@/lib/actions/price-lists/delete-price-list';
import { ActionMessage } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

/** Deletes the list after a confirmation that names it and its prices; refused while organizations are on it. */
export function DeletePriceList({ priceListId, name, prices }: { priceListId: number; name: string; prices: number }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <div>
      <ConfirmDialog
        trigger={<Button variant="danger">Delete price list</Button>}
        title={`Delete ${name}?`}
        description={`Its ${prices.toLocaleString('en-US')} ${prices === 1 ? 'price goes' : 'prices go'} with it. Orders already placed keep their prices.`}
        confirmLabel="Delete price list"
        onConfirm={async () => {
          const answer = await deletePriceListAction({ id: priceListId });
          setResult(answer);
          if (answer.ok) router.push('/admin/price-lists');
        }}
      />
      <ActionMessage result={result} />
    </div>
  );
}
