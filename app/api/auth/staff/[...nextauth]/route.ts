import { staffHandlers } from '@/lib/auth/staff-auth';
import { servedAtPublicOrigin } from '@/lib/auth/public-origin';

/** Served at APP_URL's origin, whatever address the server has or Host the client sent (lib/auth/public-origin.ts). */
export const { GET, POST } = servedAtPublicOrigin(staffHandlers);
