/**
 * Which console pages and actions a caller's roles may use. The gateway enforces the same rules;
 * the console only hides what would be refused.
 */
export type PageId = 'capacity' | 'recommend' | 'portfolio' | 'compliance' | 'finance';
export type Action = 'whatIf' | 'acceptPlan' | 'export';

/** null: every signed-in caller. */
const PAGE_ROLES: Record<PageId, readonly string[] | null> = {
  capacity: null,
  recommend: ['planner', 'pipeline', 'admin'],
  portfolio: ['planner', 'admin'],
  compliance: ['planner', 'compliance-admin', 'admin'],
  finance: ['finance', 'admin'],
};

const ACTION_ROLES: Record<Action, readonly string[]> = {
  whatIf: ['compliance-admin', 'planner', 'admin'],
  acceptPlan: ['planner', 'admin'],
  export: ['finance', 'admin'],
};

export const PAGES: readonly { id: PageId; title: string; path: string }[] = [
  { id: 'capacity', title: 'Capacity', path: '/capacity' },
  { id: 'recommend', title: 'Recommend', path: '/recommend' },
  { id: 'portfolio', title: 'Portfolio', path: '/portfolio' },
  { id: 'compliance', title: 'Compliance', path: '/compliance' },
  { id: 'finance', title: 'Finance', path: '/finance' },
];

export function mayOpen(page: PageId, roles: readonly string[]): boolean {
  const allowed = PAGE_ROLES[page];
  return allowed === null || roles.some((r) => allowed.includes(r));
}

export function mayDo(action: Action, roles: readonly string[]): boolean {
  return roles.some((r) => ACTION_ROLES[action].includes(r));
}

export function visiblePages(roles: readonly string[]): typeof PAGES {
  return PAGES.filter((p) => mayOpen(p.id, roles));
}
