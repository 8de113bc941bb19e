/** Display formatting; exact decimal strings stay available in title attributes. */
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const short = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatMoney(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const n = Number(amount);
  return Number.isFinite(n) ? money.format(n) : String(amount);
}

/** 1.2 M, 345.6 k: for chart labels where exact cents do not matter. */
export function formatCompact(amount: string | number): string {
  const n = Number(amount);
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${short.format(n / 1e9)} B`;
  if (abs >= 1e6) return `${short.format(n / 1e6)} M`;
  if (abs >= 1e3) return `${short.format(n / 1e3)} k`;
  return short.format(n);
}

export function formatInt(n: number | string): string {
  return whole.format(Number(n));
}

export function formatNumber(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '—';
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(fraction * 100)} %`;
}

export function humanise(code: string): string {
  return code.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase());
}
