import { config } from 'zod/v4/core';

/**
 * Runs in the browser before any of the app's client modules. Zod builds its
 * fast object parsers with `new Function`, after probing whether eval is
 * allowed; under our CSP (no 'unsafe-eval') that probe is refused, and the
 * browser reports it as a violation on every page with a validated form.
 * Jitless mode skips the probe; it must be set before any schema is created.
 */
config({ jitless: true });
