import { ActionForm } from '@/components/ui/action-form';
import { Field, Input, Textarea } from '@/components/ui/field';
import { saveGradeDescriptionAction } from '@/lib/actions/grades/save-grade-description';
import { gradeAnchor } from '@/lib/photos/photo-path';

/** The description of one grade in the back office's grade guide: title, text and its place on the Grades page. */
export function GradeDescriptionForm({ grade, defaults }: { grade: string; defaults: { title: string; body: string; position: number } | null }) {
  const id = gradeAnchor(grade);
  return (
    <ActionForm action={saveGradeDescriptionAction} submitLabel={defaults ? `Save grade ${grade}` : `Describe grade ${grade}`} className="space-y-3">
      <input type="hidden" name="grade" value={grade} />
      <Field id={`${id}-title`} label="Title" hint="A few words, e.g. “Like new”.">
        <Input id={`${id}-title`} name="title" defaultValue={defaults?.title ?? ''} maxLength={120} required aria-describedby={`${id}-title-hint`} />
      </Field>
      <Field id={`${id}-body`} label="What buyers can expect">
        <Textarea id={`${id}-body`} name="body" rows={4} defaultValue={defaults?.body ?? ''} maxLength={4000} />
      </Field>
      <Field id={`${id}-position`} label="Position" hint="Lower numbers come first on the Grades page.">
        <Input id={`${id}-position`} name="position" type="number" min={0} max={1000} defaultValue={defaults?.position ?? 0} className="w-28" aria-describedby={`${id}-position-hint`} />
      </Field>
    </ActionForm>
  );
}
