import type { Metadata } from 'next';
import { AccountStatusBadge } from '@/components/organizations/account-status-badge';
import { formatDateTime } from '@/lib/format/dates';
import { InviteStaffForm } from '@/components/staff-users/invite-staff-form';
import { SettingsHeader } from '@/components/settings/settings-header';
import { ChangeStaffRole, roleNames } from '@/components/staff-users/change-staff-role';
import { StaffUserChanges } from '@/components/staff-users/staff-user-changes';
import { StaffUserRowActions } from '@/components/staff-users/staff-user-row-actions';
import { Alert } from '@/components/ui/alert';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listStaffUsers, recentStaffUserChanges } from '@/db/queries/staff-users';
import { hasRole, requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Staff users' };

const trail = [{ href: '/admin/settings/staff', label: 'Staff users' }];

/** Settings > Staff users: owners and admins invite, disable and enable back-office users; owners set roles. */
export default async function StaffUsersPage() {
  const staff = await requireStaff();
  if (!hasRole(staff, 'admin')) {
    return (
      <>
        <SettingsHeader title="Staff users" trail={trail} />
        <Alert tone="warning">Only owners and admins can manage staff users.</Alert>
      </>
    );
  }
  const db = await getDb();
  const [users, changes] = await Promise.all([
    listStaffUsers(db, { sellerId: staff.sellerId }),
    recentStaffUserChanges(db, { sellerId: staff.sellerId }),
  ]);
  const isOwner = staff.role === 'owner';
  return (
    <>
      <SettingsHeader title="Staff users" trail={trail} description={`Who can sign in to the ${staff.sellerName} back office.`} />
      <div className="space-y-4">
        <Table caption="Staff users">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Last sign-in</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => {
              const self = user.id === staff.staffUserId;
              const manageable = !self && (isOwner || user.role === 'staff');
              return (
                <tr key={user.id}>
                  <Td className="font-medium">
                    {user.name}
                    {self ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
                  </Td>
                  <Td>{user.email}</Td>
                  <Td>
                    {isOwner && !self ? <ChangeStaffRole staffUserId={user.id} role={user.role} name={user.name} /> : roleNames[user.role]}
                  </Td>
                  <Td>
                    <AccountStatusBadge status={user.status} />
                  </Td>
                  <Td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</Td>
                  <Td className="text-right">
                    {manageable ? <StaffUserRowActions staffUserId={user.id} status={user.status} name={user.name} /> : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        <InviteStaffForm canSetRole={isOwner} />
      </div>
      <StaffUserChanges changes={changes} />
    </>
  );
}
