import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';

export default function nextConfig(phase: string): NextConfig {
  return {
    // PGlite loads its WebAssembly and data files from its package folder at run time.
    serverExternalPackages: ['@electric-sql/pglite'],
    poweredByHeader: false,
    typedRoutes: false,
    // Pages named `page.dev.tsx` (the development mailbox) exist only under `next dev`:
    // a production build does not contain them at all.
    pageExtensions: phase === PHASE_DEVELOPMENT_SERVER ? ['dev.tsx', 'tsx', 'ts'] : ['tsx', 'ts'],
    experimental: {
      serverActions: { bodySizeLimit: '4mb' },
    },
  };
}
