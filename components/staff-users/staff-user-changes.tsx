import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { StaffUserChange } from '@/db/queries/staff-users';
import type { StaffRole } from '@/db/schema';
import { formatDateTime } from '@/lib/format/dates';
import { requestFormat } from '@/lib/format/request-format';

const withArticle: Record<StaffRole, string> = { owner: 'an Owner', admin: 'an Admin', staff: 'Staff' };
const roleName: Record<StaffRole, string> = { owner: 'Owner', admin: 'Admin', staff: 'Staff' };
const isRole = (v: unknown): v is StaffRole => v === 'owner' || v === 'admin' || v === 'staff';

/** One staff-user audit entry as a sentence: "Olivia Owner made Sam Staff an Owner (was Staff)". */
export function describeStaffUserChange(change: StaffUserChange): string {
  const d = change.details;
  const who = change.userName ?? (typeof d.name === 'string' ? d.name : typeof d.email === 'string' ? d.email : 'a staff user');
  switch (change.action) {
    case 'staff_user.role':
      return isRole(d.to)
        ? `${change.actorLabel} made ${who} ${withArticle[d.to]}${isRole(d.from) ? ` (was ${roleName[d.from]})` : ''}`
        : `${change.actorLabel} changed the role of ${who}`;
    case 'staff_user.invite':
      return `${change.actorLabel} invited ${who}${isRole(d.role) ? ` as ${withArticle[d.role]}` : ''}`;
    case 'staff_user.resend_invite':
      return `${change.actorLabel} sent ${who} a fresh invitation`;
    case 'staff_user.disable':
      return `${change.actorLabel} disabled ${who}`;
    case 'staff_user.enable':
      return `${change.actorLabel} enabled ${who} again`;
    default:
      return `${change.actorLabel}: ${change.action.replace(/[._]/g, ' ')} (${who})`;
  }
}

/** Settings › Staff users › Recent changes: who changed which account, and how. */
export function StaffUserChanges({ changes }: { changes: StaffUserChange[] }) {
  return (
    <section aria-labelledby="staff-changes" className="mt-10">
      <h2 id="staff-changes" className="mb-3 text-lg font-semibold">
        Recent changes
      </h2>
      <Table caption="Recent changes to staff users">
        <thead>
          <tr>
            <Th className="w-48">When ({requestFormat().timeZone ?? 'UTC'})</Th>
            <Th>What</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.length === 0 ? <EmptyRow colSpan={2}>No changes recorded yet.</EmptyRow> : null}
          {changes.map((change) => (
            <tr key={change.id}>
              <Td className="whitespace-nowrap text-slate-600">
                <time dateTime={change.createdAt.toISOString()}>{formatDateTime(change.createdAt)}</time>
              </Td>
              <Td>{describeStaffUserChange(change)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
