// Builds bench/results/SUMMARY.md from the scenarios' JSON results: each figure beside the floor
// it is divided by, both measured in the same run.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

const read = (name) => (existsSync(`bench/results/${name}.json`) ? JSON.parse(readFileSync(`bench/results/${name}.json`, 'utf8')) : null);

const ms = (x) => (x === undefined || x === null ? 'n/a' : x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${(x * 1000).toFixed(0)} µs`);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(a / b >= 100 ? 0 : a / b >= 10 ? 1 : 2)} ×` : 'n/a');
const perSecond = (x) => (typeof x === 'number' ? `${x.toFixed(x >= 100 ? 0 : 1)}/s` : 'n/a');

/** Rows: [figure, measured, floor name, floor value, ratio]. */
function rows() {
  const out = [];
  const f = read('floors')?.floors ?? {};
  const tcp = f.tcpRoundTrip;
  const select1 = f.pgSelect1;
  const txn = f.reservationTransaction;
  const kafka = f.rawKafkaRequestReply;
  const p5099 = (s) => (s ? `${ms(s.p50Ms)} / ${ms(s.p99Ms)}` : 'n/a');
  const r5099 = (s, floor) => (s && floor ? `${ratio(s.p50Ms, floor.p50Ms)} / ${ratio(s.p99Ms, floor.p99Ms)}` : 'n/a');
  out.push(['**floor** Node TCP round trip, two processes (p50 / p99)', p5099(tcp), '—', '—', '1']);
  out.push(['**floor** pg `SELECT 1`', p5099(select1), '—', '—', '1']);
  out.push(['**floor** reservation transaction (BEGIN; SELECT … FOR UPDATE; INSERT; COMMIT)', p5099(txn), '—', '—', '1']);
  out.push(['**floor** raw kafkajs request → reply', p5099(kafka), 'TCP round trip', p5099(tcp), r5099(kafka, tcp)]);

  const recommend = read('placement-recommend')?.results ?? [];
  const inProcess = recommend.find((r) => r.mode === 'in-process');
  const overKafka = recommend.find((r) => r.mode === 'kafka');
  const recLabel = (r) => `${r?.candidates ?? 500} candidates`;
  out.push([`recommendPlacement, embedded (in-process bus), ${recLabel(inProcess)} (p50 / p99)`, p5099(inProcess?.recommendPlacement), 'pg SELECT 1', p5099(select1), r5099(inProcess?.recommendPlacement, select1)]);
  const skipped = recommend.length > 0 && !overKafka ? 'skipped: no broker answered' : null;
  out.push([`recommendPlacement, Kafka, ${recLabel(overKafka)} (p50 / p99)`, skipped ?? p5099(overKafka?.recommendPlacement), 'raw kafkajs request → reply', p5099(kafka), r5099(overKafka?.recommendPlacement, kafka)]);

  const bus = read('bus-roundtrip');
  // Against the raw request→reply bus-roundtrip measures right before it: the broker's load moves between scenarios.
  const adjacent = bus?.floor?.rawKafkaRequestReply;
  out.push(['KafkaBus request → reply, `inventory.sites`, empty page (p50 / p99)', p5099(bus?.kafkaBus), 'raw kafkajs request → reply, measured just before it', p5099(adjacent), r5099(bus?.kafkaBus, adjacent)]);
  out.push(['InProcessBus request → reply, same (p50 / p99)', p5099(bus?.inProcessBus), 'TCP round trip', p5099(tcp), r5099(bus?.inProcessBus, tcp)]);

  const candidates = read('candidates');
  for (const row of candidates?.results ?? []) {
    out.push([`\`inventory.candidates\` handler, ${row.pools.toLocaleString('en-US')} pools → ${row.matched.toLocaleString('en-US')} candidates (p50 / p99)`, p5099(row.handler), 'pg SELECT 1', p5099(select1), r5099(row.handler, select1)]);
    out.push([`… the same, against the raw SQL of its filter`, p5099(row.handler), 'raw SQL, same filter', p5099(row.rawSql), r5099(row.handler, row.rawSql)]);
  }
  const reservation = candidates?.reservation;
  out.push(['`inventory.reservations` reserve (lock, peak-load check, hold), 10,000 pools (p50 / p99)', p5099(reservation?.handler), 'reservation transaction', p5099(txn), r5099(reservation?.handler, txn)]);

  const compliance = read('compliance');
  out.push([
    `\`compliance.evaluate\` batch of ${compliance?.batch ?? 500} candidates (per batch)`,
    ms(compliance?.handler?.msPerBatch),
    'pure evaluator, same facts',
    ms(compliance?.floor?.msPerBatch),
    ratio(compliance?.handler?.msPerBatch, compliance?.floor?.msPerBatch),
  ]);
  const cost = inProcess?.costBatch;
  out.push([`\`cost.estimate\` batch of ${cost?.candidates ?? 'n/a'} candidates, in-process (p50)`, ms(cost?.handler?.p50Ms), 'pure cost model, same candidates', ms(cost?.pureCostModel?.p50Ms), ratio(cost?.handler?.p50Ms, cost?.pureCostModel?.p50Ms)]);
  const costKafka = overKafka?.costBatch;
  out.push([`\`cost.estimate\` batch of ${costKafka?.candidates ?? cost?.candidates ?? 'n/a'} candidates, Kafka (p50)`, skipped ?? ms(costKafka?.handler?.p50Ms), 'pure cost model, same candidates', ms(costKafka?.pureCostModel?.p50Ms), ratio(costKafka?.handler?.p50Ms, costKafka?.pureCostModel?.p50Ms)]);

  const portfolio = read('placement-portfolio');
  if (portfolio) {
    const { workloads, pools, seeds, timeLimitSeconds } = portfolio.instance;
    const s = portfolio.summary;
    const med = (x, f) => (x ? f(x.median) : 'n/a');
    out.push([
      `planPortfolio solve, ${workloads} workloads × ${pools} pools, ${timeLimitSeconds} s limit, ${seeds} seeds: plan cost (median; gap ${med(s.gap, (g) => `${(g * 100).toFixed(1)} %`)}, solve ${med(s.solveSeconds, (x) => `${x.toFixed(1)} s`)})`,
      'plan',
      'greedy baseline, same call',
      'greedy',
      `${med(s.costRatioToGreedy, (x) => x.toFixed(3))} × (same workloads ${med(s.sameWorkloadsCostRatioToGreedy, (x) => x.toFixed(3))} ×)`,
    ]);
  } else out.push(['planPortfolio solve', 'n/a', 'greedy baseline', 'n/a', 'n/a']);

  const intake = read('intake');
  out.push([`intake throughput, ${intake?.requests ?? 'n/a'} requests over Kafka (request → stored recommendation → result)`, perSecond(intake?.saturated?.perSecond), 'raw kafkajs produce → consume', perSecond(intake?.rawKafkaRoundTrip?.perSecond), ratio(intake?.saturated?.perSecond, intake?.rawKafkaRoundTrip?.perSecond)]);
  out.push(['intake latency, paced at half that rate (p50 / p99)', p5099(intake?.pacedAtHalfRate), 'raw kafkajs produce → consume', p5099(intake?.rawKafkaRoundTrip), r5099(intake?.pacedAtHalfRate, intake?.rawKafkaRoundTrip)]);

  const exp = read('export');
  for (const format of ['csv', 'xlsx']) {
    const run = exp?.[format]?.sizes?.['100000'];
    const floor = exp?.floor?.ndjson?.sizes?.['100000'];
    out.push([`ledger export as ${format.toUpperCase()}, 100,000 rows`, ms(run?.ms), 'NDJSON through a write stream', ms(floor?.ms), ratio(run?.ms, floor?.ms)]);
  }
  return out;
}

export async function writeSummary({ outcomes, totalSeconds }) {
  const floors = read('floors');
  const lines = [
    '# Benchmarks',
    '',
    `\`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${totalSeconds.toFixed(0)} s in all. Every ratio divides a figure by a floor measured in the same run on the same machine (${floors ? 'floors from bench/results/floors.json' : 'floors missing'}).`,
    '',
    '| figure | measured | floor | floor value | ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows().map((r) => `| ${r.join(' | ')} |`),
    '',
    '| scenario | suite arguments | status | seconds |',
    '| --- | --- | --- | --- |',
    ...outcomes.map((o) => `| ${o.file} | ${o.args.join(' ') || '(defaults)'} | ${o.ok ? 'ok' : 'FAILED'} | ${o.seconds.toFixed(0)} |`),
    '',
  ];
  const text = lines.join('\n');
  await writeFile('bench/results/SUMMARY.md', text);
  return text;
}
