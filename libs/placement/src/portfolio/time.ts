/** Half-open capacity interval in epoch milliseconds; `to` is Infinity when open-ended. */
export interface MsInterval {
  readonly from: number;
  readonly to: number;
  readonly devices: number;
}

/** Free devices at instant `t` (intervals sorted by `from`, not overlapping); 0 outside them. */
export function freeAt(intervals: readonly MsInterval[], t: number): number {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const iv = intervals[mid];
    if (t < iv.from) hi = mid - 1;
    else if (t >= iv.to) lo = mid + 1;
    else return iv.devices;
  }
  return 0;
}

/** The fewest free devices at any instant of [from, to): a workload holding its devices for the whole window needs at least this. */
export function minFree(intervals: readonly MsInterval[], from: number, to: number): number {
  let covered = from;
  let min = Infinity;
  for (const iv of intervals) {
    if (iv.to <= covered) continue;
    if (iv.from >= to) break;
    if (iv.from > covered) return 0;
    min = Math.min(min, iv.devices);
    covered = iv.to;
    if (covered >= to) break;
  }
  return covered >= to ? min : 0;
}

/** Sorted unique values. */
export function uniqueSorted(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Index of the last boundary ≤ t (boundaries sorted; t must be ≥ boundaries[0]). */
export function boundaryIndex(boundaries: readonly number[], t: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boundaries[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A date as the shortest faithful ISO text: "2027-01-01" at midnight UTC, otherwise the full instant. */
export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms)) return 'open';
  const iso = new Date(ms).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

export function formatSpan(from: number, to: number): string {
  return `${formatInstant(from)}..${formatInstant(to)}`;
}

/** 0.4 → "40%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(4))}%`;
}
