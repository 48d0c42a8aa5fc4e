import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const mailPort = Number(process.env.E2E_MAIL_PORT ?? port + 1);
/** The loopback DNS server that custom-domain specs start (UDP); the app resolves TXT records through it. */
const dnsPort = Number(process.env.E2E_DNS_PORT ?? port + 2);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Runs against a production build (`npm run build` first) on a fresh embedded
 * database seeded with the demo (a public demo: TRADEPOST_PUBLIC_DEMO=1), in
 * Debian's Chromium. Emails go through the real `resend` SDK to a local
 * Resend stand-in, where specs read them (e2e/support/mail.ts). DNS lookups
 * of custom-domain checks go to a DNS server the spec runs (e2e/support/dns.ts).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx e2e/support/mail-stand-in.ts ${mailPort}`,
      url: `http://127.0.0.1:${mailPort}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: `bash e2e/support/start-server.sh ${port} ${mailPort} ${dnsPort}`,
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
