import { staffHandlers } from '@/lib/auth/staff-auth';

export const { GET, POST } = staffHandlers;
