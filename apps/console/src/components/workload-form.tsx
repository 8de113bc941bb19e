import { type FormEvent, useState } from 'react';
import { LEGAL_ENTITIES } from '../api/operations';
import type { CostWorkloadInput, Ownership, Precision, WorkloadInput, WorkloadKind } from '../gql/graphql';
import { useQuery } from '../use-api';

const KINDS: WorkloadKind[] = ['TRAINING', 'FINE_TUNING', 'INFERENCE', 'BATCH_INFERENCE'];
const PRECISIONS: Precision[] = ['BF16', 'FP16', 'FP8', 'FP4', 'TF32', 'INT8', 'INT4'];
const OWNERSHIPS: Ownership[] = ['LEASED_IAAS', 'OWNED', 'COLOCATION'];

export interface WorkloadFields {
  name: string;
  kind: WorkloadKind;
  activeParameters: string;
  tokens: string;
  modelType: 'DENSE' | 'MOE';
  precision: Precision;
  devices: string;
  averageTokensPerSecond: string;
  peakTokensPerSecond: string;
  months: string;
  legalEntityId: string;
  costCenter: string;
  from: string;
  to: string;
  pricingDate: string;
  ownership: Ownership[];
  vendors: string;
  excludeCountries: string;
  budget: string;
  currency: string;
  usersLabel: string;
  usersLatitude: string;
  usersLongitude: string;
  latencyTargetMs: string;
  deadline: string;
  acceptLicensed: boolean;
  weightCost: string;
  weightTime: string;
  weightRisk: string;
  weightLatency: string;
}

export const DEFAULT_WORKLOAD: WorkloadFields = {
  name: '70B pre-training',
  kind: 'TRAINING',
  activeParameters: '70e9',
  tokens: '2e12',
  modelType: 'DENSE',
  precision: 'BF16',
  devices: '256',
  averageTokensPerSecond: '1000',
  peakTokensPerSecond: '2000',
  months: '1',
  legalEntityId: 'demo-sg-subsidiary',
  costCenter: 'cc-llm',
  from: '2027-03-01',
  to: '2027-04-01',
  pricingDate: '',
  ownership: [],
  vendors: '',
  excludeCountries: '',
  budget: '',
  currency: 'USD',
  usersLabel: '',
  usersLatitude: '',
  usersLongitude: '',
  latencyTargetMs: '',
  deadline: '',
  acceptLicensed: false,
  weightCost: '1',
  weightTime: '1',
  weightRisk: '1',
  weightLatency: '0',
};

const isTraining = (kind: WorkloadKind) => kind === 'TRAINING' || kind === 'FINE_TUNING';
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Form fields → WorkloadInput, or the list of fields that need fixing. */
export function toWorkloadInput(f: WorkloadFields): { input: WorkloadInput } | { problems: string[] } {
  const problems: string[] = [];
  const num = (label: string, value: string, { required = true, min = 0 } = {}): number | undefined => {
    if (value.trim() === '') {
      if (required) problems.push(`${label}: required`);
      return undefined;
    }
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) problems.push(`${label}: "${value}" is not a number ≥ ${min}`);
    return n;
  };
  const workload: CostWorkloadInput = { kind: f.kind };
  if (isTraining(f.kind)) {
    workload.activeParameters = num('Active parameters', f.activeParameters);
    workload.tokens = num('Tokens', f.tokens);
    workload.modelType = f.modelType;
    workload.precision = f.precision;
    const devices = num('Devices', f.devices, { required: false, min: 1 });
    if (devices !== undefined) {
      if (!Number.isInteger(devices)) problems.push('Devices: a whole number');
      workload.devices = devices;
    }
  } else {
    workload.averageTokensPerSecond = num('Average tokens/s', f.averageTokensPerSecond);
    workload.peakTokensPerSecond = num('Peak tokens/s', f.peakTokensPerSecond);
    workload.months = num('Months', f.months, { required: false });
  }
  if (!f.legalEntityId) problems.push('Legal entity: required');
  if (!f.costCenter.trim()) problems.push('Cost centre: required');
  if (!f.from || !f.to) problems.push('Window: both dates are required');
  else if (f.from >= f.to) problems.push('Window: "to" must be after "from"');
  const weights = {
    cost: num('Weight of cost', f.weightCost) ?? 0,
    time: num('Weight of time', f.weightTime) ?? 0,
    risk: num('Weight of risk', f.weightRisk) ?? 0,
    latency: num('Weight of latency', f.weightLatency) ?? 0,
  };
  let users: WorkloadInput['users'];
  if (f.usersLabel.trim() || f.usersLatitude.trim() || f.usersLongitude.trim()) {
    const latitude = num('Users latitude', f.usersLatitude, { min: -90 });
    const longitude = num('Users longitude', f.usersLongitude, { min: -180 });
    if (latitude !== undefined && latitude > 90) problems.push('Users latitude: at most 90');
    if (longitude !== undefined && longitude > 180) problems.push('Users longitude: at most 180');
    if (latitude !== undefined && longitude !== undefined) users = { label: f.usersLabel.trim() || 'users', latitude, longitude };
  }
  const latencyTargetMs = num('Latency target', f.latencyTargetMs, { required: false });
  if (latencyTargetMs !== undefined && !users) problems.push('Latency target: say where the users are (latitude and longitude)');
  if (problems.length) return { problems };
  const input: WorkloadInput = {
    name: f.name.trim() || undefined,
    workload,
    legalEntityId: f.legalEntityId,
    costCenter: f.costCenter.trim(),
    currency: f.currency,
    window: { from: `${f.from}T00:00:00Z`, to: `${f.to}T00:00:00Z` },
    acceptLicensed: f.acceptLicensed,
    weights,
  };
  if (f.pricingDate) input.pricingDate = f.pricingDate;
  if (f.ownership.length) input.ownership = f.ownership;
  if (list(f.vendors).length) input.vendors = list(f.vendors);
  if (list(f.excludeCountries).length) input.excludeCountries = list(f.excludeCountries).map((c) => c.toUpperCase());
  if (f.budget.trim()) input.budget = { amount: f.budget.trim(), currency: f.currency };
  if (f.deadline) input.deadline = `${f.deadline}T00:00:00Z`;
  if (users) input.users = users;
  if (latencyTargetMs !== undefined) input.latencyTargetMs = latencyTargetMs;
  return { input };
}

export function WorkloadForm({ initial, submitLabel, busy, onSubmit }: { initial: WorkloadFields; submitLabel: string; busy: boolean; onSubmit: (input: WorkloadInput, fields: WorkloadFields) => void }) {
  const [f, setF] = useState<WorkloadFields>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const entities = useQuery(LEGAL_ENTITIES, {});
  const set = <K extends keyof WorkloadFields>(key: K, value: WorkloadFields[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const text = (key: keyof WorkloadFields, label: string, props: { placeholder?: string; type?: string } = {}) => (
    <label>
      {label}
      <input name={key} type={props.type ?? 'text'} placeholder={props.placeholder} value={f[key] as string} onChange={(e) => set(key, e.target.value as never)} />
    </label>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = toWorkloadInput(f);
    if ('problems' in result) return setProblems(result.problems);
    setProblems([]);
    onSubmit(result.input, f);
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Workload">
      <fieldset>
        <legend>Workload</legend>
        {text('name', 'Name')}
        <label>
          Kind
          <select name="kind" value={f.kind} onChange={(e) => set('kind', e.target.value as WorkloadKind)}>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        {isTraining(f.kind) ? (
          <>
            {text('activeParameters', 'Active parameters', { placeholder: '70e9' })}
            {text('tokens', 'Tokens', { placeholder: '2e12' })}
            <label>
              Model
              <select name="modelType" value={f.modelType} onChange={(e) => set('modelType', e.target.value as 'DENSE' | 'MOE')}>
                <option>DENSE</option>
                <option>MOE</option>
              </select>
            </label>
            <label>
              Precision
              <select name="precision" value={f.precision} onChange={(e) => set('precision', e.target.value as Precision)}>
                {PRECISIONS.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            {text('devices', 'Devices', { placeholder: 'whole pool' })}
          </>
        ) : (
          <>
            {text('averageTokensPerSecond', 'Average tokens/s')}
            {text('peakTokensPerSecond', 'Peak tokens/s')}
            {text('months', 'Months')}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Who and when</legend>
        <label>
          Legal entity
          <select name="legalEntityId" value={f.legalEntityId} onChange={(e) => set('legalEntityId', e.target.value)}>
            {!entities.data?.legalEntities.some((le) => le.id === f.legalEntityId) ? <option value={f.legalEntityId}>{f.legalEntityId || '—'}</option> : null}
            {entities.data?.legalEntities.map((le) => (
              <option key={le.id} value={le.id}>
                {le.name} ({le.hqCountry})
              </option>
            ))}
          </select>
        </label>
        {text('costCenter', 'Cost centre')}
        {text('from', 'Window from', { type: 'date' })}
        {text('to', 'Window to', { type: 'date' })}
        {text('pricingDate', 'Pricing date', { type: 'date' })}
        {text('deadline', 'Deadline', { type: 'date' })}
      </fieldset>
      <fieldset>
        <legend>Constraints and weights</legend>
        <div className="checks" role="group" aria-label="Ownership">
          Ownership
          {OWNERSHIPS.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                name={`ownership-${o}`}
                checked={f.ownership.includes(o)}
                onChange={(e) => set('ownership', e.target.checked ? [...f.ownership, o] : f.ownership.filter((x) => x !== o))}
              />
              {o}
            </label>
          ))}
        </div>
        {text('vendors', 'Vendors', { placeholder: 'NVIDIA, Huawei' })}
        {text('excludeCountries', 'Exclude countries', { placeholder: 'CN, US' })}
        {text('budget', `Budget (${f.currency})`)}
        <div className="weights">
          {text('usersLabel', 'Users at', { placeholder: 'Shanghai' })}
          {text('usersLatitude', 'Latitude', { placeholder: '31.23' })}
          {text('usersLongitude', 'Longitude', { placeholder: '121.47' })}
          {text('latencyTargetMs', 'Max RTT ms')}
        </div>
        <label className="check">
          <input type="checkbox" name="acceptLicensed" checked={f.acceptLicensed} onChange={(e) => set('acceptLicensed', e.target.checked)} />
          Keep options that need a licence
        </label>
        <span className="muted">Weights of the objectives (normalised; 0 ignores one)</span>
        <div className="weights">
          {text('weightCost', 'Cost')}
          {text('weightTime', 'Time')}
          {text('weightRisk', 'Risk')}
          {text('weightLatency', 'Latency')}
        </div>
      </fieldset>
      {problems.length ? (
        <div className="error" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Working…' : submitLabel}
      </button>
    </form>
  );
}
