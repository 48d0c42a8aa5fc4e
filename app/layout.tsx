import type { Metadata } from 'next';
import { connection } from 'next/server';
import { GeistSans } from 'geist/font/sans';
import { GeistMono } from 'geist/font/mono';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tradepost', template: '%s · Tradepost' },
  description: 'A branded B2B customer portal for wholesalers of used and refurbished devices.',
};

/**
 * Rendered per request, every page: the CSP's script nonce is new on each
 * response, and a page prerendered at build time would carry scripts without
 * it, which the browser refuses to run (no hydration, dead buttons).
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
