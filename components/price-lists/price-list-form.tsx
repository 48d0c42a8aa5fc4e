'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createPriceListAction } from '@/lib/actions/price-lists/create-price-list';
import { updatePriceListAction } from '@/lib/actions/price-lists/update-price-list';
import { ActionMessage } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';
import { priceListRuleNames, priceListRules, type PriceListRule } from '@/lib/validation/price-lists';

/** Name and rule of a price list: new (then to its page) or edited in place. The server validates with the same zod schema. */
export function PriceListForm({ priceListId, defaults }: { priceListId?: number; defaults: { name: string; rule: PriceListRule; percentOff: string } }) {
  const router = useRouter();
  const [rule, setRule] = useState<PriceListRule>(defaults.rule);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, setPending] = useState(false);
  const errors = !result || result.ok ? {} : (result.fieldErrors ?? {});

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    try {
      if (priceListId) data.set('id', String(priceListId));
      const answer = priceListId ? await updatePriceListAction(data) : await createPriceListAction(data);
      setResult(answer);
      if (answer.ok && !priceListId) router.push(`/admin/price-lists/${(answer.data as { id: number }).id}`);
      else if (answer.ok) router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-4">
      <Field id="price-list-name" label="Name" hint="What staff see, e.g. Gold resellers." error={errors.name}>
        <Input id="price-list-name" name="name" defaultValue={defaults.name} maxLength={80} aria-invalid={Boolean(errors.name)} />
      </Field>
      <Field id="price-list-rule" label="Rule" hint="Prices you set per product (and their quantity breaks) always win over the rule.">
        <Select id="price-list-rule" name="rule" value={rule} onChange={(e) => setRule(e.target.value as PriceListRule)} aria-describedby="price-list-rule-hint">
          {priceListRules.map((r) => (
            <option key={r} value={r}>
              {priceListRuleNames[r]}
            </option>
          ))}
        </Select>
      </Field>
      {rule === 'percent_off' ? (
        <Field id="price-list-percent" label="Discount off list price (%)" hint="E.g. 10 or 12.5. Products without a list price stay on request unless you set a price." error={errors.percentOff}>
          <Input id="price-list-percent" name="percentOff" inputMode="decimal" defaultValue={defaults.percentOff} aria-invalid={Boolean(errors.percentOff)} aria-describedby="price-list-percent-hint" />
        </Field>
      ) : (
        <input type="hidden" name="percentOff" value="" />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : priceListId ? 'Save price list' : 'Create price list'}
      </Button>
      <ActionMessage result={result} />
    </form>
  );
}
