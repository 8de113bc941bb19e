import { useState } from 'react';
import { RECOMMEND } from '../api/operations';
import { ScatterPlot } from '../components/charts';
import { ErrorBox } from '../components/error-box';
import { DEFAULT_WORKLOAD, WorkloadForm } from '../components/workload-form';
import { formatMoney, formatNumber, humanise } from '../format';
import type { RankedFieldsFragment, RecommendMutation } from '../gql/graphql';
import { useAction } from '../use-api';

type Recommendation = RecommendMutation['recommendPlacement'];

export function RecommendPage() {
  const recommend = useAction(RECOMMEND);
  const result = recommend.data?.recommendPlacement ?? null;
  return (
    <div className="page two-col">
      <div>
        <h1>Recommend</h1>
        <WorkloadForm initial={DEFAULT_WORKLOAD} submitLabel="Recommend a placement" busy={recommend.loading} onSubmit={(input) => void recommend.run({ input })} />
      </div>
      <div className="results" aria-live="polite">
        <ErrorBox error={recommend.error} />
        {recommend.loading ? <p className="muted" role="status">Asking inventory, compliance and costing…</p> : null}
        {result ? <RecommendationView r={result} /> : null}
      </div>
    </div>
  );
}

export function RecommendationView({ r }: { r: Recommendation }) {
  const ranked = [...(r.chosen ? [r.chosen] : []), ...r.alternatives];
  const front = new Set(r.paretoFront);
  return (
    <>
      <section className="panel" data-testid="recommendation" data-recommendation-id={r.id}>
        <h2>Choice</h2>
        {r.chosen ? (
          <div className="chosen" data-testid="chosen">
            <p className="big">
              <strong data-testid="chosen-site">{r.chosen.siteName}</strong> ({r.chosen.countryCode}) — {r.chosen.acceleratorName}, {humanise(r.chosen.ownership)}
            </p>
            <p>
              <span title={r.chosen.objectives.totalCost.amount}>
                {formatMoney(r.chosen.objectives.totalCost.amount)} {r.chosen.objectives.totalCost.currency}
              </span>{' '}
              expected ({formatMoney(r.chosen.objectives.totalCost.low)} – {formatMoney(r.chosen.objectives.totalCost.high)}), {formatNumber(r.chosen.objectives.timeToResultDays)} days to result, risk{' '}
              {formatNumber(r.chosen.objectives.riskScore, 2)}, verdict {r.chosen.verdictOutcome}
            </p>
            <ul>
              {r.chosen.why.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            {r.chosen.warnings.length ? (
              <ul className="warnings">
                {r.chosen.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : (
          <p className="error" data-testid="no-choice">
            No placement survived the filters; the rejections below say why.
          </p>
        )}
        <p className="muted">
          Recommendation {r.id}, priced {r.pricingDate}: {r.counts.matched} pools matched, {r.counts.candidates} candidates, {r.counts.survived} survived
          {r.counts.rejectedByFilter.length ? ` (rejected: ${r.counts.rejectedByFilter.map((f) => `${f.filter} ${f.count}`).join(', ')})` : ''}.
        </p>
      </section>
      {ranked.length ? (
        <section className="panel">
          <ScatterPlot
            title="Cost against time to result (Pareto front joined), coloured by risk"
            xLabel={`expected cost (${ranked[0]!.objectives.totalCost.currency})`}
            yLabel="time to result (days)"
            points={ranked.map((p) => ({
              id: p.candidateId,
              x: Number(p.objectives.totalCost.amount),
              y: p.objectives.timeToResultDays,
              risk: p.objectives.riskScore,
              label: `#${p.rank} ${p.siteName} ${p.acceleratorName}: ${formatMoney(p.objectives.totalCost.amount)}, ${formatNumber(p.objectives.timeToResultDays)} days, risk ${formatNumber(p.objectives.riskScore, 2)}`,
              highlight: p.candidateId === r.chosen?.candidateId,
              front: front.has(p.candidateId),
            }))}
          />
        </section>
      ) : null}
      {ranked.length ? <RankedTable ranked={ranked} omitted={r.alternativesOmitted} /> : null}
      <Rejections rejected={r.rejected} />
    </>
  );
}

function RankedTable({ ranked, omitted }: { ranked: RankedFieldsFragment[]; omitted: number }) {
  const components = [...new Set(ranked.flatMap((p) => p.estimate?.components.map((c) => c.name) ?? []))];
  return (
    <section className="panel">
      <h2>Ranked options</h2>
      <div className="scroll tall">
        <table data-testid="ranked" className="compact">
          <thead>
            <tr>
              <th className="num">rank</th>
              <th>site</th>
              <th>accelerator</th>
              <th>ownership</th>
              <th>verdict</th>
              <th className="num">expected cost</th>
              {components.map((c) => (
                <th key={c} className="num">
                  {humanise(c)}
                </th>
              ))}
              <th className="num">days</th>
              <th className="num">risk</th>
              <th className="num">score</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((p) => (
              <tr key={p.candidateId} data-pool-id={p.poolId}>
                <td className="num">{p.rank}</td>
                <td title={p.poolId}>
                  {p.siteName} <span className="muted">{p.countryCode}</span>
                </td>
                <td>{p.acceleratorName}</td>
                <td>{humanise(p.ownership)}</td>
                <td>
                  <span className={`badge ${p.verdictOutcome}`}>{p.verdictOutcome}</span>
                </td>
                <td className="num" title={p.objectives.totalCost.amount}>
                  {formatMoney(p.objectives.totalCost.amount)}
                </td>
                {components.map((c) => {
                  const cost = p.estimate?.components.find((x) => x.name === c)?.cost.expected;
                  return (
                    <td key={c} className="num" title={cost}>
                      {cost === undefined ? '—' : formatMoney(cost)}
                    </td>
                  );
                })}
                <td className="num">{formatNumber(p.objectives.timeToResultDays)}</td>
                <td className="num">{formatNumber(p.objectives.riskScore, 2)}</td>
                <td className="num">{formatNumber(p.score, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {omitted ? <p className="muted">{omitted} more ranked options not listed.</p> : null}
    </section>
  );
}

function Rejections({ rejected }: { rejected: Recommendation['rejected'] }) {
  const [filter, setFilter] = useState('');
  const filters = [...new Set(rejected.map((r) => r.filter))];
  const shown = rejected.filter((r) => !filter || r.filter === filter);
  return (
    <section className="panel">
      <h2>
        Rejected ({rejected.length}){' '}
        {filters.length > 1 ? (
          <select aria-label="Rejection filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">all filters</option>
            {filters.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        ) : null}
      </h2>
      {rejected.length === 0 ? <p className="muted">Every candidate passed every filter.</p> : null}
      <ul className="rejections" data-testid="rejections">
        {shown.map((r) => (
          <li key={r.candidateId} data-filter={r.filter}>
            <span className="badge">{r.filter}</span> <span className="reason">{r.reason}</span>
            {r.rules.length ? (
              <ul className="rules">
                {r.rules.map((rule) => (
                  <li key={rule.ruleId}>
                    <strong>{rule.ruleId}</strong> {rule.title} <span className="muted">({rule.status}, {rule.outcome})</span>
                    <ul className="citations">
                      {rule.citations.map((c) => (
                        <li key={c.text}>
                          {c.text}
                          {c.url ? (
                            <>
                              {' '}
                              <span className="muted url">{c.url}</span>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
