import type { ComponentProps, ReactNode } from 'react';

/**
 * A real table with a caption (visually hidden if asked) for screen readers.
 * With `cards`, its rows become cards at phone width (`.card-table` in
 * app/globals.css): give each cell but the title cell a `label`.
 */
export function Table({
  caption,
  hideCaption = true,
  cards = false,
  children,
  className = '',
}: {
  caption: ReactNode;
  hideCaption?: boolean;
  cards?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${cards ? 'card-table' : ''} ${className}`}>
        <caption className={hideCaption ? 'sr-only' : 'px-4 py-2 text-left font-medium'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className = '', ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={`bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 ${className}`}
      {...props}
    />
  );
}

/** A cell; `label` names its column on a phone-width card (see `Table`'s `cards`). */
export function Td({ className = '', label, ...props }: ComponentProps<'td'> & { label?: string }) {
  return <td className={`px-3 py-2 align-middle ${className}`} data-label={label} {...props} />;
}

export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-8 text-center text-slate-600">
        {children}
      </td>
    </tr>
  );
}
