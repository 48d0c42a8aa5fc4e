import { customerHandlers } from '@/lib/auth/customer-auth';

export const { GET, POST } = customerHandlers;
