import { StatusBadge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format/dates';
import { checkCustomDomainAction } from '@/lib/actions/settings/check-custom-domain';
import { SettingsForm } from './settings-form';
import { CopyButton } from './copy-button';


export type CustomDomainStatusProps = {
  name: string;
  verifiedAt: Date | null;
  /** The TXT record that proves ownership. */
  record: { type: 'TXT'; name: string; value: string } | null;
};

function RecordField({ id, label, value, what }: { id: string; label: string; value: string; what: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input id={id} readOnly value={value} className="w-full max-w-lg rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm" />
        <CopyButton text={value} what={what} />
      </div>
    </div>
  );
}

/**
 * The saved custom domain's state. Pending: the TXT record to create and a
 * "Check now" button; the domain serves nothing until the record is found.
 */
export function CustomDomainStatus({ name, verifiedAt, record }: CustomDomainStatusProps) {
  return (
    <section aria-labelledby="custom-domain-status" className="mb-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="custom-domain-status" className="text-lg font-semibold">
          Custom domain {name}
        </h2>
        {verifiedAt ? <StatusBadge color="#15803d">Verified</StatusBadge> : <StatusBadge color="#b45309">Pending verification</StatusBadge>}
      </div>
      {verifiedAt ? (
        <p className="text-sm text-slate-600">
          Ownership proven on {formatDate(verifiedAt)}. The portal answers at the root of {name}, and emails to your
          customers link there. Changing the domain starts verification over.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            To prove you own {name}, add this TXT record at your DNS provider, then press Check now. Until it is found,
            {` ${name}`} does not serve your portal and emails keep linking to the portal URL above. Point {name} itself
            at Tradepost too (the CNAME or A record your operator gives you).
          </p>
          {record ? (
            <div className="space-y-3">
              <RecordField id="custom-domain-record-name" label="TXT record name" value={record.name} what="record name" />
              <RecordField id="custom-domain-record-value" label="TXT record value" value={record.value} what="record value" />
            </div>
          ) : null}
          <SettingsForm action={checkCustomDomainAction} submitLabel="Check now" pendingLabel="Checking…" variant="secondary" />
        </>
      )}
    </section>
  );
}
