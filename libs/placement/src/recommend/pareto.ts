/** `a` dominates `b`: no worse on every objective and better on at least one (lower is better). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) better = true;
  }
  return better;
}

/**
 * Indices of the non-dominated points (lower is better on every objective), ascending.
 * Points are visited in lexicographic order, so anything that dominates a point comes before it;
 * checking only the front found so far is then enough, because whatever dominates a point is
 * itself dominated by (or is) a front member. O(n log n + n × front size).
 */
export function paretoFront(points: readonly (readonly number[])[]): number[] {
  const order = points.map((_, i) => i).sort((i, j) => compareLex(points[i], points[j]) || i - j);
  const front: number[] = [];
  for (const i of order) {
    if (!front.some((f) => dominates(points[f], points[i]))) front.push(i);
  }
  return front.sort((i, j) => i - j);
}

function compareLex(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) return a[k] - b[k];
  }
  return 0;
}
