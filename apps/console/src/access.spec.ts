import { describe, expect, it } from '@jest/globals';
import { mayDo, mayOpen, visiblePages } from './access';

describe('console access rules', () => {
  it.each([
    [['planner'], ['capacity', 'recommend', 'portfolio', 'compliance']],
    [['finance'], ['capacity', 'finance']],
    [['pipeline'], ['capacity', 'recommend']],
    [['compliance-admin'], ['capacity', 'compliance']],
    [['inventory-admin'], ['capacity']],
    [['admin'], ['capacity', 'recommend', 'portfolio', 'compliance', 'finance']],
    [['finance', 'planner'], ['capacity', 'recommend', 'portfolio', 'compliance', 'finance']],
  ])('%j sees %j', (roles, pages) => {
    expect(visiblePages(roles).map((p) => p.id)).toEqual(pages);
  });

  it('keeps finance away from planners and placement away from finance', () => {
    expect(mayOpen('finance', ['planner'])).toBe(false);
    expect(mayOpen('recommend', ['finance'])).toBe(false);
    expect(mayDo('export', ['planner'])).toBe(false);
    expect(mayDo('export', ['finance'])).toBe(true);
    expect(mayDo('whatIf', ['compliance-admin'])).toBe(true);
    expect(mayDo('acceptPlan', ['pipeline'])).toBe(false);
  });
});
