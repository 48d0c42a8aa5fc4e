import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CustomerSession, StaffSession } from '@/db/queries/accounts';
import type { PortalIdentity } from '@/db/queries/sellers';
import type { StaffRole } from '@/db/schema';
import { customerAtPortal, type CustomerToken } from '@/lib/auth/customer-token';
import { actionWrappers, PORTAL_CLOSED, SOMETHING_WENT_WRONG, type CustomerContext } from '@/lib/actions/wrappers';
import { logger } from '@/lib/logging/logger';
import { Refusal } from '@/lib/refusal';

const rank: Record<StaffRole, number> = { staff: 0, admin: 1, owner: 2 };

function staffSession(role: StaffRole): StaffSession {
  return { staffUserId: 7, sellerId: 1, name: 'Sam Staff', email: 'sam@acme.test', role } as StaffSession;
}

function portal(sellerId: number, enabled = true): PortalIdentity {
  return { sellerId, slug: `seller-${sellerId}`, name: `Seller ${sellerId}`, enabled } as PortalIdentity;
}

/** Wrappers bound to one staff session and one customer cookie, with the real seller check of the cookie. */
function wrappersFor(options: { staff?: StaffSession; token?: CustomerToken; portals?: PortalIdentity[] }) {
  const portals = options.portals ?? [portal(1)];
  return actionWrappers({
    async requireStaff(minRole) {
      const staff = options.staff!;
      if (rank[staff.role] < rank[minRole]) throw new Refusal('You do not have permission to do that.', { code: 'forbidden' });
      return staff;
    },
    async requireCustomer(slug): Promise<CustomerContext> {
      const found = portals.find((p) => p.slug === slug)!;
      const customer = await customerAtPortal(found, options.token ?? null, async (uid, _version, sellerId) =>
        // Account 20 exists only at seller 2.
        uid === 20 && sellerId === 2 ? ({ portalAccountId: 20, sellerId: 2, organizationId: 5 } as CustomerSession) : null,
      );
      if (!customer) throw new Refusal('Please sign in to this portal.', { code: 'forbidden' });
      return { ...customer, portal: found };
    },
  });
}

const schema = z.object({ quantity: z.coerce.number().int().min(1, 'Enter at least 1.') });

afterEach(() => vi.restoreAllMocks());

describe('action wrappers', () => {
  it('refuses a staff action below its minimum role and runs nothing', async () => {
    const run = vi.fn(async () => ({ ok: true as const, data: undefined }));
    const { staffAction } = wrappersFor({ staff: staffSession('staff') });
    const result = await staffAction('testAction', 'admin', schema, run)({ quantity: 1 });
    expect(result).toEqual({ ok: false, error: 'You do not have permission to do that.', fieldErrors: undefined });
    expect(run).not.toHaveBeenCalled();
  });

  it('runs a staff action at its role with the parsed input and the audit actor built from the session', async () => {
    const run = vi.fn(async (input: { quantity: number }, staff: { actor: unknown; sellerId: number }) => ({
      ok: true as const,
      data: { input, actor: staff.actor, sellerId: staff.sellerId },
    }));
    const { staffAction } = wrappersFor({ staff: staffSession('owner') });
    const form = new FormData();
    form.set('quantity', '3');
    const result = await staffAction('testAction', 'admin', schema, run)(form);
    expect(result).toEqual({ ok: true, data: { input: { quantity: 3 }, actor: { staffUserId: 7, name: 'Sam Staff' }, sellerId: 1 } });
  });

  it('answers invalid input with field errors and runs nothing', async () => {
    const run = vi.fn();
    const { staffAction } = wrappersFor({ staff: staffSession('owner') });
    const result = await staffAction('testAction', 'staff', schema, run)({ quantity: 0 });
    expect(result).toEqual({ ok: false, error: 'Enter at least 1.', fieldErrors: { quantity: ['Enter at least 1.'] } });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a customer action with another seller's session and runs nothing", async () => {
    const run = vi.fn();
    // A valid session of seller 2, presented at seller 1's portal.
    const { customerAction } = wrappersFor({ token: { uid: 20, sid: 2, ver: 0 }, portals: [portal(1), portal(2)] });
    const result = await customerAction('testAction', schema, run)('seller-1', { quantity: 1 });
    expect(result).toMatchObject({ ok: false, error: 'Please sign in to this portal.' });
    expect(run).not.toHaveBeenCalled();
    // The same session at its own portal runs, with the organization from the session.
    const own = await customerAction('testAction', schema, async (_input, customer) => ({ ok: true as const, data: customer.organizationId }))(
      'seller-2',
      { quantity: 1 },
    );
    expect(own).toEqual({ ok: true, data: 5 });
  });

  it('refuses a portal action while the portal is closed and runs nothing', async () => {
    const run = vi.fn();
    const { portalAction } = wrappersFor({ token: { uid: 20, sid: 2, ver: 0 }, portals: [portal(2, false)] });
    const result = await portalAction('testAction', schema, run)('seller-2', { quantity: 1 });
    expect(result).toMatchObject({ ok: false, error: PORTAL_CLOSED });
    expect(run).not.toHaveBeenCalled();
  });

  it('turns a thrown Refusal into the form result with its field errors and problems', async () => {
    const { staffAction } = wrappersFor({ staff: staffSession('staff') });
    const action = staffAction('testAction', 'staff', schema, async () => {
      throw new Refusal('2 lines have problems, so nothing was committed.', {
        fieldErrors: { imeis: ['Fix the lines below.'] },
        problems: [
          { line: 2, value: '356938035643801', reason: 'no device with this IMEI in your inventory' },
          { line: null, value: '', reason: 'the order is closed' },
        ],
      });
    });
    expect(await action({ quantity: 1 })).toEqual({
      ok: false,
      error: '2 lines have problems, so nothing was committed.',
      fieldErrors: { imeis: ['Fix the lines below.'] },
      problems: ['Line 2: 356938035643801 — no device with this IMEI in your inventory', 'the order is closed'],
    });
  });

  it('answers an unexpected error with the generic message and logs it', async () => {
    const log = vi.spyOn(logger, 'error');
    const boom = new Error('connection reset: password=hunter2');
    const { staffAction } = wrappersFor({ staff: staffSession('staff') });
    const result = await staffAction('testAction', 'staff', schema, async () => {
      throw boom;
    })({ quantity: 1 });
    expect(result).toEqual({ ok: false, error: SOMETHING_WENT_WRONG });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(log).toHaveBeenCalledWith({ action: 'testAction', err: boom }, 'action failed');
  });
});
