import type { ActionResult } from '@/lib/actions/result';
import { ActionForm } from './action-form';

/** The delete button of a catalogue entry; a refusal says where the entry is still used. */
export function DeleteSection({
  action,
  id,
  label,
  explanation,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  id: number;
  label: string;
  explanation: string;
}) {
  return (
    <section aria-labelledby="delete-entry" className="mt-6 rounded-lg border border-red-200 bg-white p-5">
      <h2 id="delete-entry" className="text-lg font-semibold">
        Delete
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">{explanation}</p>
      <ActionForm action={action} submitLabel={label} pendingLabel="Deleting…" variant="danger">
        <input type="hidden" name="id" value={id} />
      </ActionForm>
    </section>
  );
}
