import { type FormEvent, useState } from 'react';
import { mayDo } from '../access';
import { ACCEPT_PLAN, PLAN_PORTFOLIO } from '../api/operations';
import { ErrorBox } from '../components/error-box';
import { DEFAULT_WORKLOAD, WorkloadForm } from '../components/workload-form';
import { formatMoney, formatNumber, formatPercent } from '../format';
import type { PlanPortfolioInput, PortfolioPolicyInput, WorkloadInput } from '../gql/graphql';
import { useAction, useViewer } from '../use-api';

interface Entry {
  id: string;
  group: string;
  workload: WorkloadInput;
}

function describe(w: WorkloadInput): string {
  const k = w.workload;
  const size = k.activeParameters ? `${formatNumber(k.activeParameters / 1e9)}B params, ${formatNumber((k.tokens ?? 0) / 1e12, 2)}T tokens` : `${formatNumber(k.averageTokensPerSecond ?? 0)} tok/s avg`;
  return `${k.kind} · ${size} · ${w.legalEntityId} · ${w.window.from.slice(0, 10)} → ${w.window.to.slice(0, 10)}${w.ownership?.length ? ` · ${w.ownership.join('/')}` : ''}`;
}

export function PortfolioPage() {
  const viewer = useViewer();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [nextId, setNextId] = useState(1);
  const [group, setGroup] = useState('');
  const [budget, setBudget] = useState('');
  const [minDomestic, setMinDomestic] = useState('');
  const [maxShare, setMaxShare] = useState('');
  const [timeLimit, setTimeLimit] = useState('10');
  const [weights, setWeights] = useState({ cost: '1', risk: '0', time: '0' });
  const [problem, setProblem] = useState<string | null>(null);
  const plan = useAction(PLAN_PORTFOLIO);
  const accept = useAction(ACCEPT_PLAN);
  const result = plan.data?.planPortfolio ?? null;

  const add = (workload: WorkloadInput) => {
    const id = `w${nextId}`;
    setEntries((e) => [...e, { id, group: group.trim(), workload: { ...workload, name: workload.name ?? id } }]);
    setNextId((n) => n + 1);
  };

  const solve = (e: FormEvent) => {
    e.preventDefault();
    if (entries.length === 0) return setProblem('Add at least one workload to the portfolio first.');
    const fraction = (label: string, v: string): number | undefined => {
      if (!v.trim()) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`${label}: "${v}" is not a share between 0 and 1`);
      return n;
    };
    try {
      const policy: PortfolioPolicyInput = {};
      if (budget.trim()) {
        if (!/^\d+(\.\d+)?$/.test(budget.trim())) throw new Error(`Budget: "${budget}" is not a decimal amount`);
        policy.budget = budget.trim();
      }
      const d = fraction('Minimum domestic inference share', minDomestic);
      if (d !== undefined) policy.minDomesticInferenceShare = d;
      const m = fraction('Maximum training spend share in one country', maxShare);
      if (m !== undefined) policy.maxTrainingSpendShareInOneCountry = m;
      const seconds = Number(timeLimit);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`Time limit: "${timeLimit}" is not a positive number of seconds`);
      const input: PlanPortfolioInput = {
        workloads: entries.map((x) => ({ id: x.id, workload: x.workload, ...(x.group ? { group: x.group } : {}) })),
        policy,
        timeLimitSeconds: seconds,
        weights: { cost: Number(weights.cost) || 0, risk: Number(weights.risk) || 0, time: Number(weights.time) || 0 },
      };
      setProblem(null);
      accept.reset();
      void plan.run({ input });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <div className="page two-col">
      <div>
        <h1>Portfolio</h1>
        <label>
          Group of the next workload (same group: same country)
          <input value={group} placeholder="none" onChange={(e) => setGroup(e.target.value)} />
        </label>
        <WorkloadForm initial={DEFAULT_WORKLOAD} submitLabel="Add to portfolio" busy={false} onSubmit={add} />
      </div>
      <div className="results">
        <section className="panel">
          <h2>Workloads ({entries.length})</h2>
          {entries.length === 0 ? <p className="muted">Compose the portfolio with the form: each workload is added here.</p> : null}
          <ol className="workloads" data-testid="portfolio-workloads">
            {entries.map((x) => (
              <li key={x.id}>
                <strong>{x.id}</strong> {x.workload.name} <span className="muted">{describe(x.workload)}</span>
                {x.group ? <span className="badge">group {x.group}</span> : null}{' '}
                <button type="button" className="link" onClick={() => setEntries((e) => e.filter((y) => y.id !== x.id))}>
                  remove
                </button>
              </li>
            ))}
          </ol>
          <form className="form" onSubmit={solve} aria-label="Portfolio policy">
            <fieldset>
              <legend>Policy</legend>
              <label>
                Budget (total expected cost)
                <input value={budget} onChange={(e) => setBudget(e.target.value)} placeholder="none" />
              </label>
              <label>
                Min. domestic inference share (0–1)
                <input value={minDomestic} onChange={(e) => setMinDomestic(e.target.value)} placeholder="none" />
              </label>
              <label>
                Max. training spend share in one country (0–1)
                <input value={maxShare} onChange={(e) => setMaxShare(e.target.value)} placeholder="none" />
              </label>
              <label>
                Solver time limit (s)
                <input value={timeLimit} onChange={(e) => setTimeLimit(e.target.value)} />
              </label>
              <div className="weights">
                {(['cost', 'risk', 'time'] as const).map((k) => (
                  <label key={k}>
                    {k}
                    <input value={weights[k]} onChange={(e) => setWeights((w) => ({ ...w, [k]: e.target.value }))} />
                  </label>
                ))}
              </div>
            </fieldset>
            {problem ? (
              <p className="error" role="alert">
                {problem}
              </p>
            ) : null}
            <button type="submit" disabled={plan.loading}>
              {plan.loading ? 'Solving…' : 'Plan the portfolio'}
            </button>
          </form>
        </section>
        <ErrorBox error={plan.error} />
        {result ? (
          <section className="panel" data-testid="portfolio-plan" data-plan-id={result.id}>
            <h2>
              Plan {result.id} — {result.status}
            </h2>
            <dl className="facts">
              <dt>objective</dt>
              <dd>{formatNumber(result.objective, 6)}</dd>
              <dt>dual bound</dt>
              <dd>{formatNumber(result.bound, 6)}</dd>
              <dt>gap</dt>
              <dd>{formatPercent(result.gap)}</dd>
              <dt>total cost</dt>
              <dd title={result.totals.cost}>
                {formatMoney(result.totals.cost)} {result.totals.currency}
              </dd>
              <dt>greedy baseline</dt>
              <dd title={result.greedy.cost}>
                {formatMoney(result.greedy.cost)} {result.greedy.feasible ? '' : '(infeasible)'}
              </dd>
              <dt>solve</dt>
              <dd>
                {formatNumber(result.solveSeconds, 2)} s of {result.timeLimitSeconds} s · {result.model.binaries} binaries, {result.model.constraints} constraints
              </dd>
            </dl>
            {result.conflicts?.length ? (
              <div className="error" role="alert">
                Conflicting constraints: {result.conflicts.join(', ')}
              </div>
            ) : null}
            <h3>Assignment</h3>
            <table data-testid="assignment">
              <thead>
                <tr>
                  <th>workload</th>
                  <th>pool</th>
                  <th>country</th>
                  <th className="num">cost</th>
                  <th className="num">days</th>
                  <th className="num">risk</th>
                </tr>
              </thead>
              <tbody>
                {result.assignment.map((a) => (
                  <tr key={a.workloadId}>
                    <td>{a.workloadId}</td>
                    <td>{a.poolId}</td>
                    <td>{a.countryCode}</td>
                    <td className="num" title={a.cost}>
                      {formatMoney(a.cost)}
                    </td>
                    <td className="num">{formatNumber(a.timeDays)}</td>
                    <td className="num">{formatNumber(a.risk, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.unassigned.length ? <p className="error">Unassigned: {result.unassigned.join(', ')}</p> : null}
            {result.withoutOptions.map((w) => (
              <p key={w.workloadId} className="error">
                {w.workloadId}: {w.reason}
              </p>
            ))}
            <h3>Binding constraints</h3>
            {result.binding.length === 0 ? <p className="muted">No constraint binds.</p> : null}
            <table data-testid="binding">
              <tbody>
                {result.binding.map((b) => (
                  <tr key={b.constraint}>
                    <td>{b.constraint}</td>
                    <td className="num">slack {formatNumber(b.slack, 3)}</td>
                    <td>{b.relaxationSaving ? `relaxing by ${b.relaxationSaving.relaxedBy} saves ${formatMoney(b.relaxationSaving.costSaving)}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {mayDo('acceptPlan', viewer.roles) && result.assignment.length ? (
              <button type="button" disabled={accept.loading || Boolean(accept.data)} onClick={() => void accept.run({ id: result.id })}>
                {accept.loading ? 'Accepting…' : accept.data ? 'Accepted' : 'Accept this plan'}
              </button>
            ) : null}
            <ErrorBox error={accept.error} />
            {accept.data ? (
              <div data-testid="accepted">
                <h3>Accepted: {accept.data.acceptPlan.placements.length} placements</h3>
                <ul>
                  {accept.data.acceptPlan.placements.map((p) => (
                    <li key={p.id}>
                      {p.poolId}: {p.devices} devices, reservation {p.reservationId}, committed {formatMoney(p.committed.amount)} {p.committed.currency}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
