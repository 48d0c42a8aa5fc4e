'use client';

import type { ReactNode } from 'react';
import { Checkbox } from '@/components/ui/field';
import { FieldMessage } from './settings-form';

/** A fieldset of checkboxes posting `name` once per checked id. */
export function CheckboxList({
  legend,
  name,
  options,
  checked,
  hint,
  empty,
}: {
  legend: string;
  name: string;
  options: { id: number; label: string }[];
  checked: number[];
  hint?: ReactNode;
  empty?: ReactNode;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      {options.length === 0 ? (
        <div className="text-sm text-slate-700">{empty}</div>
      ) : (
        <div className="grid gap-2 sm:grid-cols-2">
          {options.map((o) => (
            <Checkbox
              key={o.id}
              id={`${name}-${o.id}`}
              name={name}
              value={String(o.id)}
              label={o.label}
              defaultChecked={checked.includes(o.id)}
            />
          ))}
        </div>
      )}
      <FieldMessage name={name} />
    </fieldset>
  );
}
