// Sample statistics and the warm-up-then-measure loop every bench uses, in one place.

/** The q-quantile of samples (nearest rank, no interpolation). */
export function percentile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Count, p50 / p90 / p99, mean and max of millisecond samples. */
export function stats(samples) {
  return {
    n: samples.length,
    p50Ms: percentile(samples, 0.5),
    p90Ms: percentile(samples, 0.9),
    p99Ms: percentile(samples, 0.99),
    meanMs: samples.reduce((s, x) => s + x, 0) / samples.length,
    maxMs: Math.max(...samples),
  };
}

/** Runs `once` `warmup` times unmeasured, then `iterations` times measured, one after another. */
export async function timed(once, { iterations, warmup = 3 }) {
  for (let i = 0; i < warmup; i++) await once();
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}
