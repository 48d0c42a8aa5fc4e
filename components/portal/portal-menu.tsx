'use client';

import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';

/**
 * The portal header's navigation and account links. Below `md` (768 px) they
 * fold behind a "Menu" button (a disclosure: `aria-expanded`), which closes
 * again on every navigation; from `md` up they sit in the header row and the
 * button is not shown. `quick` (the cart) stays beside the button.
 */
export function PortalMenu({ quick, children }: { quick?: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }
  return (
    <>
      <div className="flex items-center gap-2 md:hidden">
        {quick}
        <button
        type="button"
        aria-expanded={open}
        aria-controls="portal-menu"
        onClick={() => setOpen(!open)}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800"
      >
        <span aria-hidden className="text-base leading-none">
          {open ? '✕' : '☰'}
        </span>
        Menu
      </button>
      </div>
      <div
        id="portal-menu"
        className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-3 md:flex md:w-auto md:flex-1 md:flex-row md:flex-wrap md:items-center md:justify-between md:gap-4`}
      >
        {children}
      </div>
    </>
  );
}
