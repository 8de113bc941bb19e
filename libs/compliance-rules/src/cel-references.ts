import type { parse } from '@bufbuild/cel';
import type { FactNode } from './fact-schema.js';

type Expr = ReturnType<typeof parse>['expr'];

/** Operators whose operands must not be null (CEL has no overload for null there). */
const NULL_HOSTILE_OPERATORS = new Set(['_<_', '_<=_', '_>_', '_>=_', '_+_', '_-_', '_*_', '_/_', '_%_', '-_']);
const NULL_COMPARISONS = new Set(['_==_', '_!=_']);

export interface ReferenceAnalysis {
  /** Fact paths the expression reads, in order of first appearance. */
  readonly paths: readonly string[];
  /** Why the expression must not be published; empty when it may. */
  readonly problems: readonly string[];
}

interface Walk {
  readonly paths: string[];
  readonly guarded: Set<string>;
  /** Paths used where null would be an evaluation error. */
  readonly nullHostile: Set<string>;
  readonly functions: Set<string>;
}

/**
 * Checks every fact an expression reads against the declared facts, and that nullable facts are
 * guarded before a field of them is selected or they are used in arithmetic or an ordering
 * comparison. The guard check is not flow-sensitive: the guard must appear somewhere in the
 * expression (put it first in an `&&` chain, which CEL evaluates so that the guarded side is
 * not reached). Function names are checked too, so `id.startWith('x')` fails at publish time.
 */
export function analyseReferences(
  expr: Expr,
  declared: Readonly<Record<string, FactNode>>,
  isKnownFunction: (name: string) => boolean,
): ReferenceAnalysis {
  const walk: Walk = { paths: [], guarded: new Set(), nullHostile: new Set(), functions: new Set() };
  visit(expr, new Set(), walk);
  const problems: string[] = [];
  for (const name of walk.functions) if (!isKnownFunction(name)) problems.push(`unknown function '${name}'`);
  for (const path of walk.paths) {
    const problem = checkPath(path, declared);
    if (problem !== null) problems.push(problem);
  }
  if (problems.length > 0) return { paths: walk.paths, problems };
  for (const path of walk.paths) {
    const segments = path.split('.');
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join('.');
      if (nodeAt(prefix, declared)?.nullable === true && !walk.guarded.has(prefix)) {
        problems.push(`'${path}' reads a field of '${prefix}', which may be null: guard it with '${prefix} != null && …' or 'has(${prefix})'`);
      }
    }
  }
  for (const path of walk.nullHostile) {
    if (nodeAt(path, declared)?.nullable === true && !walk.guarded.has(path)) {
      problems.push(`'${path}' may be null and is used where null is an error: guard it with '${path} != null && …'`);
    }
  }
  return { paths: walk.paths, problems: [...new Set(problems)] };
}

function visit(expr: Expr | undefined, locals: ReadonlySet<string>, walk: Walk): void {
  if (expr === undefined) return;
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'constExpr':
    case undefined:
      return;
    case 'identExpr':
    case 'selectExpr': {
      const chain = selectChain(expr);
      if (chain === null) {
        if (kind.case === 'selectExpr') visit(kind.value.operand, locals, walk);
        return;
      }
      if (locals.has(chain.root)) return;
      record(walk, chain.path);
      if (chain.testOnly) walk.guarded.add(chain.path);
      return;
    }
    case 'callExpr': {
      const call = kind.value;
      walk.functions.add(call.function);
      if (NULL_COMPARISONS.has(call.function) && call.args.length === 2) {
        const [left, right] = call.args;
        const other = isNullConstant(left) ? right : isNullConstant(right) ? left : undefined;
        const guardedPath = other === undefined ? null : factPath(other, locals);
        if (guardedPath !== null) walk.guarded.add(guardedPath);
      }
      if (NULL_HOSTILE_OPERATORS.has(call.function)) {
        for (const arg of call.args) {
          const path = factPath(arg, locals);
          if (path !== null) walk.nullHostile.add(path);
        }
      }
      if (call.target !== undefined) {
        // A method on a null receiver (startsWith, size…) has no overload either.
        const path = factPath(call.target, locals);
        if (path !== null) walk.nullHostile.add(path);
      }
      visit(call.target, locals, walk);
      for (const arg of call.args) visit(arg, locals, walk);
      return;
    }
    case 'listExpr':
      for (const element of kind.value.elements) visit(element, locals, walk);
      return;
    case 'structExpr':
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') visit(entry.keyKind.value, locals, walk);
        visit(entry.value, locals, walk);
      }
      return;
    case 'comprehensionExpr': {
      const c = kind.value;
      visit(c.iterRange, locals, walk);
      visit(c.accuInit, locals, walk);
      const inner = new Set(locals);
      for (const name of [c.iterVar, c.iterVar2, c.accuVar]) if (name !== '') inner.add(name);
      visit(c.loopCondition, inner, walk);
      visit(c.loopStep, inner, walk);
      visit(c.result, inner, walk);
      return;
    }
  }
}

function record(walk: Walk, path: string): void {
  if (!walk.paths.includes(path)) walk.paths.push(path);
}

function selectChain(expr: Expr): { root: string; path: string; testOnly: boolean } | null {
  const fields: string[] = [];
  let testOnly = false;
  let current: Expr | undefined = expr;
  while (current?.exprKind.case === 'selectExpr') {
    if (fields.length === 0) testOnly = current.exprKind.value.testOnly;
    fields.unshift(current.exprKind.value.field);
    current = current.exprKind.value.operand;
  }
  if (current?.exprKind.case !== 'identExpr') return null;
  const root = current.exprKind.value.name;
  return { root, path: [root, ...fields].join('.'), testOnly };
}

function factPath(expr: Expr | undefined, locals: ReadonlySet<string>): string | null {
  if (expr === undefined) return null;
  const chain = selectChain(expr);
  if (chain === null || chain.testOnly || locals.has(chain.root)) return null;
  return chain.path;
}

function isNullConstant(expr: Expr | undefined): boolean {
  return expr?.exprKind.case === 'constExpr' && expr.exprKind.value.constantKind.case === 'nullValue';
}

function nodeAt(path: string, declared: Readonly<Record<string, FactNode>>): FactNode | undefined {
  const [root, ...fields] = path.split('.');
  let node: FactNode | undefined = Object.hasOwn(declared, root) ? declared[root] : undefined;
  for (const field of fields) node = node?.fields && Object.hasOwn(node.fields, field) ? node.fields[field] : undefined;
  return node;
}

function checkPath(path: string, declared: Readonly<Record<string, FactNode>>): string | null {
  const [root, ...fields] = path.split('.');
  // Own properties only: '__proto__' or 'constructor' must not resolve to Object.prototype.
  let node = Object.hasOwn(declared, root) ? declared[root] : undefined;
  if (node === undefined) return `unknown fact '${root}'${suggest(root, Object.keys(declared))}; declared: ${Object.keys(declared).join(', ')}`;
  let at = root;
  for (const field of fields) {
    if (node.fields === undefined) return `'${at}' is a ${node.type} and has no field '${field}'`;
    const next: FactNode | undefined = Object.hasOwn(node.fields, field) ? node.fields[field] : undefined;
    if (next === undefined) return `unknown fact '${at}.${field}'${suggest(field, Object.keys(node.fields))}`;
    node = next;
    at = `${at}.${field}`;
  }
  return null;
}

function suggest(name: string, candidates: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

/** Damerau-style edit distance (adjacent transpositions count 1): 'hqCountyr' is 1 from 'hqCountry'. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
