'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import type { Confirmation } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';

type State = ActionResult<unknown> | null;
const FormState = createContext<State>(null);

/** The per-field message of the last submit, for fields rendered inside a SettingsForm. */
export function useFieldError(name: string): string | undefined {
  const state = useContext(FormState);
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

/** A labelled field that shows its own message from the last submit. */
export function FormField({
  id,
  name,
  label,
  hint,
  children,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={useFieldError(name)}>
      {children}
    </Field>
  );
}

/** The message of a field that is not a single control (a checkbox list). */
export function FieldMessage({ name }: { name: string }) {
  const error = useFieldError(name);
  return error ? (
    <p className="text-sm text-red-700" role="alert">
      {error}
    </p>
  ) : null;
}

/**
 * A form posting to a server action that answers an ActionResult. The answer
 * shows above the button; what was typed stays in place when it is refused
 * (React resets a form after an action, so the submit goes through a
 * transition instead). With JavaScript off it still posts.
 */
export function SettingsForm({
  action,
  submitLabel,
  pendingLabel = 'Saving…',
  variant = 'primary',
  resetOnSuccess = false,
  onSuccess,
  className = 'space-y-4',
  footerClassName = 'flex flex-wrap items-center gap-3',
  confirm,
  children,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  resetOnSuccess?: boolean;
  onSuccess?: () => void;
  className?: string;
  footerClassName?: string;
  /** Asked first, in the one confirmation dialog (a delete). */
  confirm?: Confirmation;
  children?: ReactNode;
}) {
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, submit, pending] = useActionState<State, FormData>((_prev, form) => action(form), null);

  useEffect(() => {
    if (!state?.ok) return;
    if (resetOnSuccess) formRef.current?.reset();
    onSuccess?.();
    // Only when a new answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form
      id={formId}
      ref={formRef}
      action={submit}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => submit(form));
      }}
      className={className}
      noValidate
    >
      <FormState value={state}>{children}</FormState>
      <div className={footerClassName}>
        {confirm ? (
          <ConfirmDialog
            trigger={
              <Button type="button" variant={variant} disabled={pending}>
                {pending ? pendingLabel : submitLabel}
              </Button>
            }
            title={confirm.title}
            description={confirm.description}
            confirmLabel={confirm.confirmLabel}
            formId={formId}
          />
        ) : (
          <Button type="submit" variant={variant} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        )}
        <div aria-live="polite" className="min-w-0 flex-1">
          {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
          {state?.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
