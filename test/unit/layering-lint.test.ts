import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering's "never" rules are lint rules (eslint.config.mjs). Each case
 * lints a one-line file at a path of its layer and expects the rule to fire,
 * or, for what is allowed, to stay quiet.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('layering lint rules', { timeout: 60_000 }, () => {
  it('refuses a component that imports a value from db/, and allows a row type', async () => {
    expect(await layeringErrors('components/orders/example.tsx', "import { getDb } from '@/db';\nexport const x = getDb;\n")).toEqual([
      expect.stringMatching(/import only types from db/),
    ]);
    expect(
      await layeringErrors('components/orders/example.tsx', "import { listOrders } from '@/db/queries/orders/list-orders';\nexport const x = listOrders;\n"),
    ).toHaveLength(1);
    expect(
      await layeringErrors('components/orders/example.tsx', "import type { OrderListRow } from '@/db/queries/orders/list-orders';\nexport type X = OrderListRow;\n"),
    ).toEqual([]);
  });

  it('refuses a component that imports anything from app/', async () => {
    expect(
      await layeringErrors('components/inventory/example.tsx', "import type { X } from '@/app/(admin)/admin/(app)/inventory/page';\nexport type Y = X;\n"),
    ).toEqual([expect.stringMatching(/never import from app/)]);
  });

  it('refuses a query that imports an action, a component or a page', async () => {
    for (const from of ['@/lib/actions', '@/lib/actions/result', '@/components/ui/button', '@/app/(portal)/p/[slug]/layout']) {
      expect(await layeringErrors('db/queries/orders/example.ts', `import { x } from '${from}';\nexport const y = x;\n`)).toEqual([
        expect.stringMatching(/data layer never imports/),
      ]);
    }
  });

  it('refuses tables that import queries', async () => {
    expect(await layeringErrors('db/schema/example.ts', "import { x } from '@/db/queries/orders/list-orders';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('refuses portal pages and back-office pages borrowing each other', async () => {
    expect(await layeringErrors('app/(portal)/p/[slug]/example.tsx', "import X from '@/app/(admin)/admin/(app)/page';\nexport default X;\n")).toHaveLength(1);
    expect(await layeringErrors('app/(admin)/admin/(app)/example.tsx', "import X from '@/app/(portal)/p/[slug]/page';\nexport default X;\n")).toHaveLength(1);
  });

  it("refuses 'use server' outside lib/actions", async () => {
    expect(await layeringErrors('app/(admin)/admin/(app)/inventory/actions.ts', "'use server';\nexport async function a() {}\n")).toEqual([
      expect.stringMatching(/lib\/actions/),
    ]);
    expect(await layeringErrors('lib/actions/orders/example.ts', "'use server';\nexport async function a() {}\n")).toEqual([]);
  });
});
