'use client';

import { createContext, useContext, useId, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

type FormAction = (input: FormData) => Promise<ActionResult<unknown>>;

const ScopeReport = createContext<((result: ActionResult<unknown>) => void) | null>(null);

/**
 * Shows the answer of any ActionForm inside it, above them: forms whose
 * success removes them (uncommit a device, move an RMA on) still leave their
 * message on the page.
 */
export function ActionResultScope({ children, className = '' }: { children: ReactNode; className?: string }) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <div className={className}>
      {result ? (
        <div className="mb-3">
          <ActionMessage result={result} />
        </div>
      ) : null}
      <ScopeReport.Provider value={setResult}>{children}</ScopeReport.Provider>
    </div>
  );
}

/** The reporter of the enclosing ActionResultScope, for forms of its own (e.g. one confirmed in a dialog); null outside one. */
export function useActionScopeReport() {
  return useContext(ScopeReport);
}

/**
 * A form posting to a server action, showing the action's answer under it:
 * its message, field errors, and each problem of a refused paste. Fields keep
 * what was typed after a refusal, so staff fix it and submit again.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  variant = 'primary',
  size = 'md',
  className = '',
  resetOnSuccess = false,
  submitName,
  confirm,
}: {
  action: FormAction;
  children?: ReactNode;
  submitLabel: string;
  /** The button's accessible name when the visible label is short (e.g. "Uncommit" in a row). */
  submitName?: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'sm' | 'md';
  className?: string;
  resetOnSuccess?: boolean;
  /** Asked first, in the one confirmation dialog, naming what goes ("Remove line ABC-128?"): for destructive actions. */
  confirm?: Confirmation;
}) {
  const formId = useId();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const report = useContext(ScopeReport);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const answer = await action(data);
      if (report) report(answer);
      else setResult(answer);
      if (answer.ok && resetOnSuccess) form.reset();
    });
  }

  return (
    // method="post": a submit before the scripts load must never put the fields (a password) in the URL.
    <form id={formId} method="post" onSubmit={onSubmit} className={className} noValidate>
      {children}
      {confirm ? (
        <ConfirmDialog
          trigger={
            <Button type="button" variant={variant} size={size} disabled={pending} aria-label={submitName}>
              {pending ? (pendingLabel ?? `${submitLabel}…`) : submitLabel}
            </Button>
          }
          title={confirm.title}
          description={confirm.description}
          confirmLabel={confirm.confirmLabel}
          formId={formId}
        />
      ) : (
        <Button type="submit" variant={variant} size={size} disabled={pending} aria-label={submitName}>
          {pending ? (pendingLabel ?? `${submitLabel}…`) : submitLabel}
        </Button>
      )}
      <ActionMessage result={result} />
    </form>
  );
}

/** What a confirmation dialog says before a destructive action runs. */
export type Confirmation = { title: string; description: string; confirmLabel: string };

/** The answer of an action: a success note, or the refusal with every problem listed. */
export function ActionMessage({ result }: { result: ActionResult<unknown> | null }) {
  if (!result) return null;
  if (result.ok) {
    return result.message ? (
      <div className="mt-2">
        <Alert tone="success">{result.message}</Alert>
      </div>
    ) : null;
  }
  const problems = result.problems;
  const details = Object.values(result.fieldErrors ?? {})
    .flat()
    .filter((m): m is string => Boolean(m) && m !== result.error);
  return (
    <div className="mt-2">
      <Alert tone="error" title={result.error}>
        {problems?.length ? (
          <ul className="list-disc space-y-0.5 pl-5 font-mono text-xs" aria-label="Refused IMEIs">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        {details.length ? (
          <ul className="list-disc pl-5">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}
