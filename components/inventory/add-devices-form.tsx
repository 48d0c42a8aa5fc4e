'use client';

import Link from 'next/link';
import { useState, useTransition, type FormEvent } from 'react';
import { addDevicesAction } from '@/lib/actions/inventory/add-devices';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { ProductPicker } from '@/components/products/product-picker';
import type { ActionResult } from '@/lib/actions/result';
import { splitPastedIdentifiers } from '@/lib/imei';

/** The product the devices are added to, as the picker found it. */
export type ChosenProduct = { id: number; sku: string; description: string };

/**
 * Paste IMEIs (or serial numbers) for one product, warehouse and status.
 * The paste stays in the box after a refusal so the named lines can be fixed.
 */
export function AddDevicesForm({
  statuses,
  warehouses,
  currency,
  defaultProduct,
}: {
  statuses: { id: number; name: string }[];
  warehouses: { id: number; code: string; name: string }[];
  currency: string;
  defaultProduct?: ChosenProduct | null;
}) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'imei' | 'serial'>('imei');
  const [product, setProduct] = useState<ChosenProduct | null>(defaultProduct ?? null);
  const productId = product ? String(product.id) : '';
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
        <div className="md:col-span-2">
          <input type="hidden" name="productId" value={productId} />
          {product ? (
            <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" aria-live="polite">
              <p className="font-medium text-slate-900">Product</p>
              <p className="mt-1">
                <span className="font-mono text-xs text-slate-600">{product.sku}</span>
                <span className="block">{product.description}</span>
              </p>
              <Button size="sm" variant="ghost" className="mt-1" onClick={() => setProduct(null)} aria-label={`Choose another product instead of ${product.sku}`}>
                Choose another product
              </Button>
            </div>
          ) : (
            <ProductPicker
              currency={currency}
              label="Product: find it by SKU or model"
              pickLabel="Choose"
              onPick={(p) => setProduct({ id: p.id, sku: p.sku, description: p.description })}
            />
          )}
          {errors.productId ? (
            <p className="mt-1 text-sm text-red-700" role="alert">
              {errors.productId}
            </p>
          ) : null}
        </div>
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

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || entries === 0 || !product} aria-describedby="add-devices-why">
          {pending ? 'Adding…' : entries ? `Add ${entries.toLocaleString('en-US')} ${entries === 1 ? 'device' : 'devices'}` : 'Add devices'}
        </Button>
        <p id="add-devices-why" className="text-sm text-slate-600">
          {!product
            ? entries
              ? `Choose a product to add the ${entries.toLocaleString('en-US')} ${entries === 1 ? noun.replace(/s$/, '') : noun}.`
              : `Paste ${noun} and choose a product.`
            : entries === 0
              ? `Paste the ${noun} to add.`
              : null}
        </p>
      </div>
    </form>
  );
}
