import { formatNumber } from '@/lib/format/numbers';
import { Alert } from './alert';
import { Table, Td, Th } from './table';
import type { LineProblem } from '@/lib/refusal';

/** The rows of a file that cannot be applied, by spreadsheet row, and that nothing changes until they are fixed. */
export function RowProblemsTable({ problems, consequence, valueLabel = 'SKU' }: { problems: LineProblem[]; consequence: string; valueLabel?: string }) {
  if (!problems.length) return null;
  return (
    <>
      <Alert tone="error">
        {problems.length === 1 ? '1 row cannot be applied' : `${formatNumber(problems.length)} rows cannot be applied`}, so {consequence} until the file is fixed.
      </Alert>
      <Table caption="Rows that cannot be applied" hideCaption={false}>
        <thead>
          <tr>
            <Th>Row</Th>
            <Th>{valueLabel}</Th>
            <Th>Problem</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {problems.slice(0, 1000).map((p) => (
            <tr key={p.line}>
              <Td className="tabular-nums">{p.line}</Td>
              <Td className="font-mono text-xs">{p.value}</Td>
              <Td>{p.reason}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
