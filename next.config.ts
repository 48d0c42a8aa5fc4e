import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';
import { nonPageContentSecurityPolicy, staticSecurityHeaders } from './lib/security-headers';

const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

export default function nextConfig(phase: string): NextConfig {
  return {
    // PGlite loads its WebAssembly and data files from its package folder at run time.
    serverExternalPackages: ['@electric-sql/pglite'],
    poweredByHeader: false,
    // `next dev` serves its scripts and HMR only to the origins it knows: without this, a browser at
    // http://127.0.0.1:3000 (instead of localhost) gets the page but never hydrates it, and every
    // client button silently does nothing. Development only; a production server ignores it.
    allowedDevOrigins: ['127.0.0.1'],
    // Read when the server starts. Behind a load balancer that compresses (deploy/nginx gzips), set
    // HTTP_COMPRESSION=off: gzip here costs a zlib stream per response, even for a 200-byte server action
    // answer (11% of the server's CPU in a checkout profile).
    compress: process.env.HTTP_COMPRESSION !== 'off',
    typedRoutes: false,
    // Pages named `page.dev.tsx` (the development mailbox) exist only under `next dev`:
    // a production build does not contain them at all.
    pageExtensions: phase === PHASE_DEVELOPMENT_SERVER ? ['dev.tsx', 'tsx', 'ts'] : ['tsx', 'ts'],
    // Nothing uses next/image (logos are plain <img>): no /_next/image optimizer to attack.
    images: { unoptimized: true },
    // Client components reach the server's markup cache only while the server renders them; browsers get
    // its stand-in, so react-dom/server never reaches a client bundle (lib/ssr/markup-cache.ts).
    turbopack: {
      resolveAlias: { '@/lib/ssr/markup-cache': { browser: './lib/ssr/markup-cache.browser.ts' } },
    },
    experimental: {
      // 12 MB: a photo upload (10 MB, lib/photos/limits.ts) with its form fields; proxy.ts answers more with 413.
      serverActions: { bodySizeLimit: '12mb' },
    },
    // The static security headers on every response, including those the proxy never sees
    // (APIs, Next's files, a 404 of /favicon.ico), with a policy that lets nothing run. On
    // pages the proxy's headers replace these (one header each, checked in
    // e2e/security-headers.spec.ts): the nonce CSP, and HSTS, which depends on the runtime
    // APP_URL while these are fixed at build.
    async headers() {
      return [
        {
          source: '/:path*',
          headers: asList({ ...staticSecurityHeaders, 'Content-Security-Policy': nonPageContentSecurityPolicy }),
        },
      ];
    },
  };
}
