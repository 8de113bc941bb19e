import { z } from 'zod';

export const Role = z.enum(['planner', 'finance', 'pipeline', 'compliance-admin', 'inventory-admin', 'admin']);
export type Role = z.output<typeof Role>;

/** Who asked, as the gateway authenticated them; owning services check roles again. */
export const Actor = z.object({ id: z.string().min(1).max(200), roles: z.array(Role).max(6) });
export type Actor = z.output<typeof Actor>;
