'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { setNonce } from 'get-nonce';
import { useState, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import { buttonClass } from './button';

/**
 * Radix locks page scroll with a <style> element (react-remove-scroll-bar,
 * through get-nonce); the CSP admits only styles with this response's nonce.
 * Next stamps that nonce on its scripts, where the page can read it.
 */
function adoptPageNonce() {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (nonce) setNonce(nonce);
}
// At load, so a dialog its parent opens (the `open` prop) has the nonce too; again on each open.
if (typeof document !== 'undefined') adoptPageNonce();

/**
 * The one confirmation of the product (Radix Alert Dialog: focus moves into
 * it and back to the trigger, Escape cancels, the page behind is inert).
 * Say what will happen with the numbers in it: "Move 1,284 devices (37
 * committed) from any status to In Repair?".
 *
 * The confirm button either calls `onConfirm`, or submits the form named by
 * `formId` (the dialog is rendered outside that form, so inputs placed in
 * `children`, such as a reason, carry `form={formId}` to be sent with it).
 * The form is submitted before the dialog closes, so those inputs are sent.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'danger',
  onConfirm,
  formId,
  confirmDisabled = false,
  open,
  onOpenChange,
  children,
}: {
  trigger?: ReactElement;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'danger' | 'primary';
  onConfirm?: () => void;
  formId?: string;
  confirmDisabled?: boolean;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children?: ReactNode;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (next) adoptPageNonce();
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const confirm = (event: MouseEvent<HTMLButtonElement>) => {
    if (formId) {
      const form = document.getElementById(formId);
      if (form instanceof HTMLFormElement) {
        // Built now, while the dialog's own inputs are still in the document.
        if (!form.reportValidity()) {
          event.preventDefault();
          return;
        }
        form.requestSubmit();
      }
    }
    onConfirm?.();
  };
  return (
    <AlertDialog.Root open={isOpen} onOpenChange={setOpen}>
      {trigger ? <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger> : null}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 text-sm text-slate-700">{description}</div>
          </AlertDialog.Description>
          {children ? <div className="mt-4 space-y-3">{children}</div> : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass('secondary')}>{cancelLabel}</AlertDialog.Cancel>
            <AlertDialog.Action
              className={buttonClass(tone)}
              disabled={confirmDisabled}
              onClick={confirm}
            >
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
