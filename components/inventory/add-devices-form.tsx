'use client';

import Link from 'next/link';
import { useState, useTransition, type FormEvent } from 'react';
import { addDevicesAction } from '@/lib/actions/inventory/add-devices';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import type { ProductChoice } from '@/db/queries/products/attribute-values';
import type { ActionResult } from '@/lib/actions/result';
import { splitPastedIdentifiers } from '@/lib/imei';
import { ProductSelect } from './product-select';

/**
 * Paste IMEIs (or serial numbers) for one product, warehouse and status.
 * The paste stays in the box after a refusal so the named lines can be fixed.
 */
export function AddDevicesForm({
  products,
  statuses,
  warehouses,
  currency,
  defaultProductId,
}: {
  products: ProductChoice[];
  statuses: { id: number; name: string }[];
  warehouses: { id: number; code: string; name: string }[];
  currency: string;
  defaultProductId?: number;
}) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'imei' | 'serial'>('imei');
  const [productId, setProductId] = useState(defaultProductId ? String(defaultProductId) : '');
  const [result, setResult] = useState<ActionResult<{ added: number }> | null>(null);
  const [addedFor, setAddedFor] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const entries = splitPastedIdentifiers(text).length;
  const errors = result && !result.ok ? result.fieldErrors ?? {} : {};
  const problems = result && !result.ok ? result.problems ?? [] : [];
  const noun = kind === 'imei' ? 'IMEIs' : 'serial numbers';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const answer = await addDevicesAction(form);
      setResult(answer);
      if (answer.ok) {
        setAddedFor(productId);
        setText('');
      }
    });
  }

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      {result?.ok ? (
        <Alert tone="success" title={result.message}>
          <Link href={`/admin/inventory?productId=${addedFor}`} className="underline">
            See the devices of this product in the inventory
          </Link>
        </Alert>
      ) : null}
      {result && !result.ok ? (
        <Alert tone="error" title={result.error}>
          {problems.length ? (
            <ul className="mt-2 max-h-72 list-disc space-y-0.5 overflow-y-auto pl-5 font-mono text-xs">
              {problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">The devices are identified by</legend>
        <div className="mt-2 flex gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="imei" checked={kind === 'imei'} onChange={() => setKind('imei')} />
            IMEIs (15 digits, phones and cellular tablets)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="serial" checked={kind === 'serial'} onChange={() => setKind('serial')} />
            Serial numbers (devices without an IMEI)
          </label>
        </div>
      </fieldset>

      <Field
        id="identifiers"
        label={kind === 'imei' ? 'IMEIs, one per line' : 'Serial numbers, one per line'}
        hint={`${entries.toLocaleString('en-US')} ${noun} pasted. Commas, tabs and spaces also separate them. All are added, or none.`}
        error={errors.identifiers}
      >
        <Textarea
          id="identifiers"
          name="identifiers"
          rows={10}
          className="font-mono"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="identifiers-hint"
          aria-invalid={Boolean(errors.identifiers || problems.length)}
          spellCheck={false}
        />
      </Field>

      <div className="grid gap-4 md:grid-cols-2">
        <Field id="productId" label="Product" error={errors.productId}>
          <ProductSelect id="productId" name="productId" products={products} value={productId} onChange={(e) => setProductId(e.target.value)} aria-invalid={Boolean(errors.productId)} />
        </Field>
        <Field id="cost" label={`Cost per device (${currency}, optional)`} error={errors.cost}>
          <Input id="cost" name="cost" inputMode="decimal" placeholder="e.g. 180.00" aria-invalid={Boolean(errors.cost)} />
        </Field>
        <Field id="warehouseId" label="Warehouse" error={errors.warehouseId}>
          <Select id="warehouseId" name="warehouseId" defaultValue={warehouses[0]?.id} aria-invalid={Boolean(errors.warehouseId)}>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="statusId" label="Inventory status" error={errors.statusId}>
          <Select id="statusId" name="statusId" defaultValue={statuses[0]?.id} aria-invalid={Boolean(errors.statusId)}>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Button type="submit" disabled={pending || entries === 0}>
        {pending ? 'Adding…' : entries ? `Add ${entries.toLocaleString('en-US')} ${entries === 1 ? 'device' : 'devices'}` : 'Add devices'}
      </Button>
    </form>
  );
}
