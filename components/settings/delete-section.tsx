import type { ReactNode } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import type { Confirmation } from '@/components/ui/action-form';
import { SettingsForm } from './settings-form';

/** The delete button of a catalogue entry; a refusal says where the entry is still used. */
export function DeleteSection({
  action,
  id,
  label,
  explanation,
  confirm,
  children,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  id: number;
  label: string;
  explanation: string;
  /** What the dialog asks before deleting: the entry by name. */
  confirm: Confirmation;
  /** More hidden fields the action needs. */
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby="delete-entry" className="mt-6 rounded-lg border border-red-200 bg-white p-5">
      <h2 id="delete-entry" className="text-lg font-semibold">
        Delete
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">{explanation}</p>
      <SettingsForm action={action} submitLabel={label} pendingLabel="Deleting…" variant="danger" confirm={confirm}>
        {children}
        <input type="hidden" name="id" value={id} />
      </SettingsForm>
    </section>
  );
}
