'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { inviteImportedBuyersAction } from '@/lib/actions/organizations/invite-imported-buyers';
import { INVITES_PER_MINUTE_TEXT } from '@/lib/validation/organization-import';

/** "Invite N buyers not yet invited": confirmed, then every imported buyer gets the activation email once. */
export function InviteImportedBuyersButton({ count }: { count: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const label = `Invite ${count.toLocaleString('en-US')} ${count === 1 ? 'buyer' : 'buyers'} not yet invited`;
  const invite = () =>
    startTransition(async () => {
      const answer = await inviteImportedBuyersAction({});
      setMessage(answer.ok ? { tone: 'success', text: answer.message ?? 'Invitations sent.' } : { tone: 'error', text: answer.error });
      router.refresh();
    });
  return (
    <div className="space-y-2">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {count > 0 ? (
        <ConfirmDialog
          trigger={<Button disabled={pending}>{pending ? 'Inviting…' : label}</Button>}
          title={label}
          description={`Each gets the Customer Portal activation email with a one-time link, ${INVITES_PER_MINUTE_TEXT}. Nobody is invited twice.`}
          confirmLabel={`Send ${count.toLocaleString('en-US')} ${count === 1 ? 'invitation' : 'invitations'}`}
          tone="primary"
          onConfirm={invite}
        />
      ) : null}
    </div>
  );
}
