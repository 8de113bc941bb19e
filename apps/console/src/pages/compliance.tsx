import { type FormEvent, useState } from 'react';
import { mayDo } from '../access';
import { COMPLIANCE_CHECK, LEGAL_ENTITIES, POOLS, RULE_PACK, RULE_PACKS, WHAT_IF } from '../api/operations';
import { ErrorBox, Loading } from '../components/error-box';
import type { ComplianceCheckInput, Ownership, ReasonFieldsFragment, WorkloadKind } from '../gql/graphql';
import { useAction, useQuery, useViewer } from '../use-api';

type Tab = 'check' | 'packs' | 'whatif';

export function CompliancePage() {
  const viewer = useViewer();
  const [tab, setTab] = useState<Tab>('check');
  const tabs: [Tab, string][] = [
    ['check', 'Check a placement'],
    ['packs', 'Rule packs'],
    ...(mayDo('whatIf', viewer.roles) ? ([['whatif', 'What-if on a draft']] as [Tab, string][]) : []),
  ];
  return (
    <div className="page">
      <h1>Compliance</h1>
      <p className="disclaimer">Decision support, not legal advice: verdicts come from rule packs, which are data you maintain. Any placement or procurement decision needs review by counsel.</p>
      <div className="tabs" role="tablist">
        {tabs.map(([id, title]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {title}
          </button>
        ))}
      </div>
      {tab === 'check' ? <Check /> : tab === 'packs' ? <RulePacks /> : <WhatIf />}
    </div>
  );
}

const KINDS: WorkloadKind[] = ['TRAINING', 'FINE_TUNING', 'INFERENCE', 'BATCH_INFERENCE'];

function Check() {
  const entities = useQuery(LEGAL_ENTITIES, {});
  const pools = useQuery(POOLS, { first: 100, after: null, filter: null });
  const [f, setF] = useState({ legalEntityId: 'demo-sg-subsidiary', poolId: '', date: new Date().toISOString().slice(0, 10), workloadKind: 'TRAINING' as WorkloadKind, ownership: '' as Ownership | '', servesPublicIn: '', personalInfoIndividuals: '0', importantData: false, track: false, moveFrom: '', moveTo: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const check = useAction(COMPLIANCE_CHECK);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!f.poolId.trim()) return setProblem('Pool: choose or type a capacity pool id');
    const individuals = Number(f.personalInfoIndividuals);
    if (!Number.isInteger(individuals) || individuals < 0) return setProblem(`Personal-information individuals: "${f.personalInfoIndividuals}" is not a whole number`);
    if (Boolean(f.moveFrom.trim()) !== Boolean(f.moveTo.trim())) return setProblem('Hardware movement: give both the country it ships from and the one it goes to');
    setProblem(null);
    const input: ComplianceCheckInput = {
      legalEntityId: f.legalEntityId,
      poolId: f.poolId.trim(),
      date: f.date,
      workloadKind: f.workloadKind,
      servesPublicIn: f.servesPublicIn
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
      data: { personalInfoIndividuals: individuals, importantData: f.importantData },
      track: f.track,
      ...(f.ownership ? { ownership: f.ownership } : {}),
      ...(f.moveFrom.trim() ? { hardwareMovement: { fromCountry: f.moveFrom.trim().toUpperCase(), toCountry: f.moveTo.trim().toUpperCase() } } : {}),
    };
    void check.run({ input });
  };
  const verdict = check.data?.complianceCheck.verdict;
  return (
    <div className="two-col">
      <form className="form" onSubmit={submit} aria-label="Compliance check">
        <label>
          Legal entity
          <select value={f.legalEntityId} onChange={(e) => setF({ ...f, legalEntityId: e.target.value })}>
            {entities.data?.legalEntities.map((le) => (
              <option key={le.id} value={le.id}>
                {le.name} ({le.hqCountry})
              </option>
            ))}
          </select>
        </label>
        <label>
          Pool
          <input name="poolId" list="pool-ids" value={f.poolId} onChange={(e) => setF({ ...f, poolId: e.target.value })} placeholder="pool id" />
          <datalist id="pool-ids">
            {pools.data?.capacityPools.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.site.name} · {node.accelerator.name} · {node.ownership}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          Date
          <input type="date" value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} />
        </label>
        <label>
          Workload kind
          <select value={f.workloadKind} onChange={(e) => setF({ ...f, workloadKind: e.target.value as WorkloadKind })}>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Held as
          <select value={f.ownership} onChange={(e) => setF({ ...f, ownership: e.target.value as Ownership | '' })}>
            <option value="">the pool's ownership</option>
            <option>LEASED_IAAS</option>
            <option>OWNED</option>
            <option>COLOCATION</option>
          </select>
        </label>
        <label>
          Hardware ships from (country)
          <input value={f.moveFrom} placeholder="only when bought or shipped, e.g. US" onChange={(e) => setF({ ...f, moveFrom: e.target.value })} />
        </label>
        <label>
          … to (country)
          <input value={f.moveTo} placeholder="e.g. MY" onChange={(e) => setF({ ...f, moveTo: e.target.value })} />
        </label>
        <label>
          Serves the public in
          <input value={f.servesPublicIn} placeholder="CN, MY" onChange={(e) => setF({ ...f, servesPublicIn: e.target.value })} />
        </label>
        <label>
          Personal-information individuals
          <input value={f.personalInfoIndividuals} onChange={(e) => setF({ ...f, personalInfoIndividuals: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={f.importantData} onChange={(e) => setF({ ...f, importantData: e.target.checked })} /> Important data
        </label>
        <label className="check">
          <input type="checkbox" checked={f.track} onChange={(e) => setF({ ...f, track: e.target.checked })} /> Track for what-if runs
        </label>
        {problem ? (
          <p className="error" role="alert">
            {problem}
          </p>
        ) : null}
        <ErrorBox error={entities.error ?? pools.error} />
        <button type="submit" disabled={check.loading}>
          {check.loading ? 'Checking…' : 'Check'}
        </button>
      </form>
      <div className="results">
        <ErrorBox error={check.error} />
        {verdict ? (
          <section className="panel" data-testid="verdict" data-outcome={verdict.outcome}>
            <h2>
              <span className={`badge ${verdict.outcome}`}>{verdict.outcome}</span> on {verdict.evaluatedFor}
            </h2>
            <p className="muted">
              Rule pack {verdict.rulePackVersion} · licence lead time{' '}
              {verdict.leadTime
                ? `${verdict.leadTime.assumed ? 'unknown, assumed ' : ''}${verdict.leadTime.low}–${verdict.leadTime.high} days (${verdict.leadTime.expected} expected, ${verdict.leadTime.ruleId})`
                : 'none'}
            </p>
            {verdict.reasons.length === 0 ? <p>No binding rule fired for this placement on this date.</p> : null}
            <Reasons title="Deciding rules" reasons={verdict.reasons} />
            {verdict.conditions.length ? (
              <>
                <h3>Conditions to meet</h3>
                <ul>
                  {verdict.conditions.map((c, i) => (
                    <li key={i}>
                      <strong>{c.ruleId}</strong> {c.description}
                      {c.leadTimeDays !== null && c.leadTimeDays !== undefined ? ` (lead time ${c.leadTimeDays} days)` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <Reasons title="Advisories (fired, not binding)" reasons={verdict.advisories} />
            <h3>Derived facts</h3>
            <pre className="json">{JSON.stringify(verdict.derived, null, 2)}</pre>
            <details>
              <summary>{verdict.notTriggered.length} rules in force did not fire</summary>
              <p>{verdict.notTriggered.join(', ')}</p>
            </details>
            <p className="disclaimer">{verdict.disclaimer}</p>
          </section>
        ) : null}
      </div>
    </div>
  );
}

function Reasons({ title, reasons }: { title: string; reasons: readonly ReasonFieldsFragment[] }) {
  if (reasons.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="rules">
        {reasons.map((r) => (
          <li key={r.ruleId}>
            <span className={`badge ${r.outcome}`}>{r.outcome}</span> <strong>{r.ruleId}</strong> {r.title}{' '}
            <span className="muted">
              ({r.family}, {r.status})
            </span>
            <ul className="citations">
              {r.citations.map((c) => (
                <li key={c.text}>
                  [{c.evidence}] {c.text} {c.url ? <span className="muted url">{c.url}</span> : null}
                </li>
              ))}
            </ul>
            {r.triggeredBy.length ? <p className="muted">triggered by {r.triggeredBy.map((t) => `${t.fact} = ${JSON.stringify(t.value)}`).join('; ')}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

interface PackRule {
  id: string;
  title: string;
  family: string;
  status: string;
  outcome: string;
  jurisdiction?: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  condition: string;
}

function RulePacks() {
  const packs = useQuery(RULE_PACKS, {});
  const [version, setVersion] = useState<string | null>(null);
  const chosen = version ?? packs.data?.rulePacks.find((p) => p.current)?.version ?? null;
  const pack = useQuery(RULE_PACK, { version: chosen ?? '' }, chosen === null);
  const rules = (pack.data?.rulePack.document.rules ?? []) as PackRule[];
  return (
    <div className="two-col">
      <section className="panel">
        <h2>Published versions</h2>
        <ErrorBox error={packs.error} />
        {packs.loading ? <Loading what="rule packs" /> : null}
        <ul className="packs">
          {packs.data?.rulePacks.map((p) => (
            <li key={p.version}>
              <button type="button" className={p.version === chosen ? 'link selected' : 'link'} onClick={() => setVersion(p.version)}>
                {p.version}
              </button>{' '}
              {p.current ? <span className="badge ALLOWED">current</span> : null} {p.ruleCount} rules · {p.publishedBy} · {p.publishedAt.slice(0, 10)}
              <div className="muted">{p.title}</div>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>Rules of {chosen ?? '—'}</h2>
        <ErrorBox error={pack.error} />
        <table data-testid="rules">
          <thead>
            <tr>
              <th>rule</th>
              <th>family</th>
              <th>status</th>
              <th>outcome</th>
              <th>in force</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.id}</strong>
                  <div>{r.title}</div>
                  <details>
                    <summary className="muted">condition (CEL)</summary>
                    <code>{r.condition}</code>
                  </details>
                </td>
                <td>{r.family}</td>
                <td>{r.status}</td>
                <td>
                  <span className={`badge ${r.outcome}`}>{r.outcome}</span>
                </td>
                <td className="nowrap">
                  {r.effectiveFrom} – {r.effectiveTo ?? 'open'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function WhatIf() {
  const packs = useQuery(RULE_PACKS, {});
  const current = packs.data?.rulePacks.find((p) => p.current)?.version ?? null;
  const pack = useQuery(RULE_PACK, { version: current ?? '' }, current === null);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const whatIf = useAction(WHAT_IF);
  const text = draft ?? (pack.data ? JSON.stringify({ ...pack.data.rulePack.document, version: `${current}-draft` }, null, 2) : '');
  const run = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return setProblem(`The draft is not valid JSON: ${(e as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return setProblem('The draft must be a JSON object (a rule pack).');
    setProblem(null);
    void whatIf.run({ draft: parsed as Record<string, unknown> });
  };
  const result = whatIf.data?.whatIfRulePack;
  return (
    <div className="two-col">
      <section className="panel">
        <h2>Draft rule pack</h2>
        <p className="muted">Starts from the current pack ({current ?? '…'}); edit rules, thresholds or country groups, then re-check every tracked placement. Nothing is published.</p>
        <ErrorBox error={packs.error ?? pack.error} />
        <textarea className="json" aria-label="Draft rule pack" spellCheck={false} value={text} onChange={(e) => setDraft(e.target.value)} rows={28} />
        {problem ? (
          <p className="error" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="button" onClick={run} disabled={whatIf.loading || !text}>
          {whatIf.loading ? 'Re-checking…' : 'Run what-if'}
        </button>
      </section>
      <section className="panel">
        <h2>Verdicts that change</h2>
        <ErrorBox error={whatIf.error} />
        {result ? (
          <>
            <p>
              {result.evaluated} tracked placements re-checked under {result.draftVersion} (base {result.baseVersion}): {result.changes.length} change.
            </p>
            <table data-testid="whatif-changes">
              <thead>
                <tr>
                  <th>placement</th>
                  <th>before</th>
                  <th>after</th>
                  <th>deciding rules after</th>
                </tr>
              </thead>
              <tbody>
                {result.changes.map((c) => (
                  <tr key={c.placementId}>
                    <td>{c.placementId}</td>
                    <td>
                      <span className={`badge ${c.before}`}>{c.before}</span>
                    </td>
                    <td>
                      <span className={`badge ${c.after}`}>{c.after}</span>
                    </td>
                    <td>{c.decidingRulesAfter.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
    </div>
  );
}
