import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { metricsRegistry } from '@cp/observability';

interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(readFileSync('infra/grafana/compute-planner.json', 'utf8')) as { uid: string; panels: Panel[]; templating: { list: { query: unknown }[] } };

const registered = new Map(metricsRegistry.getMetricsAsArray().map((m) => [m.name, (m as unknown as { type: string }).type]));

/** Series names a PromQL expression reads: metric names, never functions, labels or keywords. */
function metricNames(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '').replace(/\b(by|without)\s*\([^)]*\)/g, '');
  return [...withoutLabels.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)].map((m) => m[1]!).filter((name) => name.includes('_') && !name.startsWith('__'));
}

/** `x_bucket`, `x_sum` and `x_count` are series of the histogram `x`. */
function family(series: string): string {
  const base = series.replace(/_(bucket|sum|count)$/, '');
  return base !== series && registered.get(base) === 'histogram' ? base : series;
}

const exprs = [
  ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr }))),
  ...dashboard.templating.list.filter((v) => typeof v.query === 'string' && v.query.includes('(')).map((v) => ({ panel: 'variable', expr: v.query as string })),
];

describe('the Grafana dashboard', () => {
  it('is a dashboard with panels that all query something', () => {
    expect(dashboard.uid).toBe('compute-planner');
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(graphs.length).toBeGreaterThan(10);
    for (const panel of graphs) expect([panel.title, (panel.targets ?? []).length > 0]).toEqual([panel.title, true]);
  });

  it.each(exprs.map((e) => [e.panel, e.expr] as const))('%s reads only metrics the code registers: %s', (_panel, expr) => {
    const names = metricNames(expr).map(family);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !registered.has(name))).toEqual([]);
  });

  it('shows every metric of Compute Planner', () => {
    const shown = new Set(exprs.flatMap((e) => metricNames(e.expr).map(family)));
    const ours = [...registered.keys()].filter((name) => name.startsWith('cp_'));
    expect(ours.filter((name) => !shown.has(name))).toEqual([]);
  });
});
