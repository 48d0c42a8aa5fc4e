import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

/**
 * Every spec imports `test` and `expect` from here: a test fails when the
 * browser reports any Content-Security-Policy violation on any of its pages,
 * so a policy that breaks a page (a blocked script, style or image) cannot go
 * unnoticed. Violations are heard three ways: the page's
 * `securitypolicyviolation` event, the browser's console message, and a page
 * error that names the policy (e.g. a refused eval).
 *
 * Contexts are watched where they are made, `browser.newContext()` (which
 * `browser.newPage()` and Playwright's own `context` fixture call too), so the
 * extra contexts a spec opens for a second user are covered as well. A
 * violation outside a test (in a beforeAll/afterAll hook) fails the worker.
 */
export type CspViolation = { via: 'event' | 'console' | 'page error'; page: string; detail: string };

const mentionsCsp = /Content Security Policy/i;

type Guard = { begin(): CspViolation[]; end(): CspViolation[] };

function watchContexts(browser: Browser): Guard & { orphans: CspViolation[]; restore(): void } {
  let current: CspViolation[] | null = null;
  const orphans: CspViolation[] = [];
  const report = (violation: CspViolation) => (current ?? orphans).push(violation);

  async function watch(context: BrowserContext) {
    context.on('console', (message) => {
      if (mentionsCsp.test(message.text())) report({ via: 'console', page: message.page()?.url() ?? '', detail: message.text() });
    });
    context.on('weberror', (error) => {
      const text = String(error.error()?.message ?? error.error());
      if (mentionsCsp.test(text)) report({ via: 'page error', page: error.page()?.url() ?? '', detail: text });
    });
    await context.exposeBinding('__tpCspViolation', ({ page }, detail: string) => report({ via: 'event', page: page.url(), detail }));
    await context.addInitScript(() => {
      const reportViolation = (window as unknown as { __tpCspViolation: (detail: string) => void }).__tpCspViolation;
      document.addEventListener(
        'securitypolicyviolation',
        (event) => void reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ${event.sample}`.trim()),
        true,
      );
    });
  }

  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    await watch(context);
    return context;
  };
  return {
    orphans,
    begin: () => (current = []),
    end() {
      const found = current ?? [];
      current = null;
      return found;
    },
    restore: () => void (browser.newContext = newContext),
  };
}

function describe(violations: CspViolation[]): string {
  return violations.map((v) => `  [${v.via}] ${v.page}: ${v.detail}`).join('\n');
}

export const test = base.extend<{ cspViolations: CspViolation[] }, { cspGuard: Guard }>({
  cspGuard: [
    async ({ browser }, use) => {
      const guard = watchContexts(browser);
      await use(guard);
      guard.restore();
      if (guard.orphans.length) throw new Error(`Content-Security-Policy violations outside a test:\n${describe(guard.orphans)}`);
    },
    { scope: 'worker', auto: true },
  ],
  /** The violations of the running test so far; a test that provokes one on purpose empties it. */
  cspViolations: [
    async ({ cspGuard }, use) => {
      const violations = cspGuard.begin();
      await use(violations);
      const found = cspGuard.end();
      if (found.length) throw new Error(`The browser reported Content-Security-Policy violations:\n${describe(found)}`);
    },
    { auto: true },
  ],
});

export { expect };
