'use client';

import { useId, useState, type ReactNode } from 'react';

/**
 * Filter fields that fold behind a "Filters" button at phone width (with the
 * number of filters set); on wider screens they sit in the filter bar as
 * before (`display: contents`) and the button is not shown.
 */
export function FilterFold({ active = 0, children }: { active?: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-sm font-medium sm:hidden"
      >
        Filters{active ? ` (${active} set)` : ''} <span aria-hidden>{open ? '▴' : '▾'}</span>
      </button>
      <div id={id} className={`${open ? 'flex' : 'hidden'} flex-col gap-3 sm:contents`}>
        {children}
      </div>
    </>
  );
}
