import type { ComponentProps, ReactNode } from 'react';

/** A real table with a caption (visually hidden if asked) for screen readers. */
export function Table({
  caption,
  hideCaption = true,
  children,
  className = '',
}: {
  caption: ReactNode;
  hideCaption?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${className}`}>
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

export function Td({ className = '', ...props }: ComponentProps<'td'>) {
  return <td className={`px-3 py-2 align-middle ${className}`} {...props} />;
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
