import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSentence, describeAudit, hasAuditSentence, type AuditEntryView } from '@/components/back-office/describe-audit';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every audit action the code writes: the literal `action: '…'` values of
 * recordAudit calls, plus the two built from a template (account links and
 * the settings catalogues), expanded from their parts.
 */
function writtenActions(): string[] {
  const actions = new Set<string>();
  for (const file of [...sourceFiles(join(root, 'db')), ...sourceFiles(join(root, 'lib'))]) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit(') || file.endsWith(join('db', 'queries', 'audit.ts'))) continue;
    for (const call of text.split('recordAudit(').slice(1)) {
      const body = call.slice(0, 1200);
      const line = /action:\s*([^\n]+)/.exec(body)?.[1] ?? '';
      for (const [, literal] of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(literal!);
      if (line.includes('${entityType}.')) {
        for (const kind of ['staff_user', 'portal_account']) for (const verb of ['activate', 'password_reset']) actions.add(`${kind}.${verb}`);
      }
      if (line.includes('${spec.kind}.${change}')) {
        const kinds = sourceFiles(join(root, 'db/queries/settings/catalogues')).flatMap((f) =>
          [...readFileSync(f, 'utf8').matchAll(/kind: '([a-z_]+)'/g)].map((m) => m[1]!),
        );
        expect(kinds.length).toBeGreaterThanOrEqual(5);
        for (const kind of kinds) for (const change of ['create', 'update', 'delete']) actions.add(`${kind}.${change}`);
      }
      if (!/'[a-z_]+\.[a-z_]+'/.test(line) && !line.includes('${entityType}.') && !line.includes('${spec.kind}.${change}') && !line.includes('entry.action')) {
        throw new Error(`An audit action in ${file} is built in a way this test cannot read: ${line.trim()}`);
      }
    }
  }
  return [...actions].sort();
}

const entry = (e: Partial<AuditEntryView> & { action: string }): AuditEntryView => ({ actorLabel: 'Olivia Owner', details: {}, ...e });

describe('audit sentences', () => {
  it('has a sentence for every audit action the code writes', () => {
    const actions = writtenActions();
    expect(actions).toContain('order.place');
    expect(actions).toContain('staff_user.role');
    expect(actions).toContain('warehouse.delete');
    expect(actions.filter((a) => !hasAuditSentence(a))).toEqual([]);
    for (const action of actions) {
      const text = auditSentence(entry({ action }), 'USD');
      // No raw key falls through: the sentence never repeats the action's dotted name.
      expect(text).not.toContain(action);
      expect(text).not.toContain(action.replace(/[._]/g, ' '));
    }
  });

  it('reads as the review asked, with links to what it names', () => {
    expect(auditSentence(entry({ action: 'staff_user.role', entityType: 'staff_user', entityId: 4, subjectName: 'Sam Staff', details: { from: 'staff', to: 'owner' } }), 'USD')).toBe(
      'Olivia Owner made Sam Staff an Owner (was Staff)',
    );
    const price = entry({ action: 'product.price', entityType: 'product', entityId: 9, details: { sku: 'APP-IPHONE12-64-BLK-A-ATT', from: 25_299, to: 24_950 } });
    expect(auditSentence(price, 'USD')).toBe('Olivia Owner changed the price of APP-IPHONE12-64-BLK-A-ATT $252.99 → $249.50');
    expect(describeAudit(price, 'USD')).toContainEqual({ text: 'APP-IPHONE12-64-BLK-A-ATT', href: '/admin/products/9' });

    const placed = entry({ action: 'order.place', actorLabel: 'Nora Buyer', entityType: 'sales_order', details: { number: 1025, total: 172_193, organization: 'Northwind Traders' } });
    expect(auditSentence(placed, 'USD')).toBe('Nora Buyer placed order 1025 ($1,721.93) for Northwind Traders through the portal');
    expect(describeAudit(placed, 'USD')).toContainEqual({ text: 'order 1025', href: '/admin/orders/1025' });

    expect(auditSentence(entry({ action: 'invoice.email', details: { number: 1025, invoiceNumber: 5021, to: 'nora@northwind.test' } }), 'USD')).toBe(
      'Olivia Owner emailed invoice 5021 of order 1025 to nora@northwind.test',
    );
    expect(auditSentence(entry({ action: 'portal_account.activate', actorLabel: 'customer: nora@northwind.test', entityType: 'portal_account' }), 'USD')).toBe(
      'nora@northwind.test activated their account',
    );
    expect(
      auditSentence(entry({ action: 'portal_settings.update', details: { subject: 'Customer Portal settings', before: { autoInvoice: false }, after: { autoInvoice: true } } }), 'USD'),
    ).toBe('Olivia Owner changed Customer Portal settings: Auto invoice: no → yes');
    const accepted = entry({ action: 'quote.accept', actorLabel: 'Nora Buyer', entityType: 'quote', details: { number: 704, orderNumber: 1031 } });
    expect(auditSentence(accepted, 'USD')).toBe('Nora Buyer accepted quote 704, placing order 1031');
    expect(describeAudit(accepted, 'USD')).toContainEqual({ text: 'quote 704', href: '/admin/quotes/704' });
    expect(describeAudit(accepted, 'USD')).toContainEqual({ text: 'order 1031', href: '/admin/orders/1031' });
    expect(auditSentence(entry({ action: 'quote.answer', details: { number: 704, total: 27_800, validUntil: '2026-12-15', replaced: true } }), 'USD')).toBe(
      'Olivia Owner replaced the answer to quote 704 at $278.00, valid until 2026-12-15',
    );
    const rma = describeAudit(entry({ action: 'rma.status', entityType: 'rma', details: { number: 305, from: 'requested', to: 'open' } }), 'USD');
    expect(rma).toContainEqual({ text: 'RMA 305', href: '/admin/rmas/305' });
  });
});
