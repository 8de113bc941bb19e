import { z } from 'zod';
import { CostModelError, type CostModelErrorCode } from './cost-model.error.js';

/**
 * Pieces the three reference data sets (cost scenarios, FX rates, price book) share. Internal:
 * each data set's module exports its own schema and parser.
 */

/** Fact-sheet evidence tags: P primary, S secondary, E derived here (or a stated assumption), UNVERIFIED no confirmed source. */
export const ScenarioEvidence = z.enum(['P', 'S', 'E', 'UNVERIFIED']);
export type ScenarioEvidence = z.output<typeof ScenarioEvidence>;

export const Text = z.string().trim().min(1);
export const DatasetVersion = z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.12.1');

type Ctx = z.RefinementCtx<unknown>;

/** Adds one issue per repeated key, at the path of the repeat. */
export function unique(ctx: Ctx, section: string, keys: readonly string[], path: (index: number) => (string | number)[]): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: path(index), message: `duplicate ${section} ${key}` });
    seen.add(key);
  });
}

/** Parses `json` with `schema`; on failure throws `code` naming every issue with its path. */
export function parseDataset<S extends z.ZodType>(schema: S, json: unknown, code: CostModelErrorCode, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    throw new CostModelError(code, `invalid ${what}: ${issues.join('; ')}`, { issues });
  }
  return parsed.data;
}
