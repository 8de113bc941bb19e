import { formatCompact } from '../format';

export interface Bar {
  readonly label: string;
  readonly values: readonly number[];
}

/**
 * Horizontal bars, one row per label and one bar per series (e.g. committed and actual), as SVG.
 * Labels carry their exact figures for screen readers and tooltips.
 */
export function BarChart({ bars, series, title, width = 640 }: { bars: readonly Bar[]; series: readonly string[]; title: string; width?: number }) {
  const max = Math.max(0, ...bars.flatMap((b) => b.values));
  const rowHeight = 10 + series.length * 14;
  const labelWidth = Math.round(width * 0.27);
  const plot = width - labelWidth - 60;
  const height = bars.length * rowHeight + 24;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={title}>
        {bars.map((bar, row) => (
          <g key={bar.label} transform={`translate(0 ${row * rowHeight})`}>
            <text x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end" className="chart-label">
              {bar.label.length > labelWidth / 7 ? `${bar.label.slice(0, Math.floor(labelWidth / 7) - 1)}…` : bar.label}
            </text>
            {bar.values.map((v, i) => {
              const w = max > 0 ? (Math.max(0, v) / max) * plot : 0;
              return (
                <g key={i} transform={`translate(${labelWidth} ${5 + i * 14})`}>
                  <rect width={Math.max(w, v > 0 ? 1 : 0)} height={12} className={`series-${i}`}>
                    <title>{`${bar.label} — ${series[i]}: ${v}`}</title>
                  </rect>
                  <text x={w + 4} y={10} className="chart-value">
                    {formatCompact(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        <g transform={`translate(${labelWidth} ${height - 12})`}>
          {series.map((s, i) => (
            <g key={s} transform={`translate(${i * 90} 0)`}>
              <rect width={10} height={10} className={`series-${i}`} />
              <text x={14} y={9} className="chart-label">
                {s}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}

export interface Point {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** 0 (lowest) to 1. */
  readonly risk: number;
  readonly label: string;
  readonly highlight?: boolean;
  readonly front?: boolean;
}

/** Colour from green (risk 0) through amber to red (risk 1). */
export function riskColour(risk: number): string {
  const r = Math.min(1, Math.max(0, risk));
  const hue = 120 * (1 - r);
  return `hsl(${hue.toFixed(0)} 70% 42%)`;
}

/** Cost against time, coloured by risk; the Pareto front joined by a line. */
export function ScatterPlot({ points, xLabel, yLabel, title }: { points: readonly Point[]; xLabel: string; yLabel: string; title: string }) {
  const width = 640;
  const height = 360;
  const pad = { left: 70, right: 20, top: 16, bottom: 44 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const sx = (x: number) => pad.left + ((x - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - ((y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  const front = points.filter((p) => p.front).sort((a, b) => a.x - b.x);
  const ticks = (lo: number, hi: number) => [0, 0.25, 0.5, 0.75, 1].map((f) => lo + f * (hi - lo));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={title} data-testid="pareto-plot">
        <line x1={pad.left} y1={height - pad.bottom} x2={width - pad.right} y2={height - pad.bottom} className="axis" />
        <line x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} className="axis" />
        {ticks(x0, x1).map((t) => (
          <text key={`x${t}`} x={sx(t)} y={height - pad.bottom + 16} textAnchor="middle" className="chart-value">
            {formatCompact(t)}
          </text>
        ))}
        {ticks(y0, y1).map((t) => (
          <text key={`y${t}`} x={pad.left - 6} y={sy(t) + 4} textAnchor="end" className="chart-value">
            {formatCompact(t)}
          </text>
        ))}
        <text x={(pad.left + width - pad.right) / 2} y={height - 6} textAnchor="middle" className="chart-label">
          {xLabel}
        </text>
        <text transform={`translate(14 ${(pad.top + height - pad.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="chart-label">
          {yLabel}
        </text>
        {front.length > 1 ? <polyline points={front.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')} className="front-line" /> : null}
        {points.map((p) => (
          <circle key={p.id} cx={sx(p.x)} cy={sy(p.y)} r={p.highlight ? 8 : 5} fill={riskColour(p.risk)} className={p.highlight ? 'point chosen' : 'point'}>
            <title>{p.label}</title>
          </circle>
        ))}
      </svg>
      <div className="legend">
        <span className="swatch" data-risk="low" /> low risk <span className="swatch" data-risk="mid" /> medium <span className="swatch" data-risk="high" /> high — larger ring: the choice; line: Pareto front
      </div>
    </figure>
  );
}

function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo === hi) return [lo - 1, hi + 1];
  const margin = (hi - lo) * 0.05;
  return [lo - margin, hi + margin];
}
