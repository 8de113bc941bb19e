// Ledger export (FOCUS columns) as CSV and XLSX for 20,000 and 100,000 synthetic entries read
// in pages of 5,000, as ratios to a floor measured in the same run: the same entries written as
// newline-delimited JSON through fs.createWriteStream with backpressure. Reports wall time,
// output bytes and peak memory (RSS and heapUsed sampled every 20 ms). "boundedMemory" is
// judged on the live heap, not on the peak (V8 lets garbage pile up before it collects):
// each child runs with --expose-gc and a capped old space, collects at every page boundary
// and records the heap then. It holds when the live heap's growth for 100k rows stays within
// 2x of the growth for 20k rows (or under one page's worth, 16 MiB) and the run fits the cap.
// Each measurement runs in its own child process so one run's garbage never counts against
// the next.
// Usage: npm run build && node bench/export.mjs
// Writes bench/results/export.json. Reports; never fails a build.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { constants as perfConstants, PerformanceObserver } from 'node:perf_hooks';

const PAGE_SIZE = 5_000;
const SIZES = [20_000, 100_000];
const FORMATS = ['ndjson', 'csv', 'xlsx'];
const SAMPLE_MS = 20;

const vendors = [['NVIDIA', 'nvidia-h100-sxm'], ['AMD', 'amd-mi300x'], ['Huawei', 'huawei-ascend-910b'], ['Intel', 'intel-gaudi-3']];
const sites = [['my-johor-sedenak', 'MY'], ['sg-jurong', 'SG'], ['id-batam', 'ID'], ['cn-guizhou-gui-an', 'CN']];
const kinds = ['TRAINING', 'FINE_TUNING', 'INFERENCE', 'BATCH_INFERENCE'];

/** Entry i of a deterministic synthetic ledger; one in 50 has an amount too precise for a double. */
function entry(i) {
  const [vendor, acceleratorId] = vendors[i % vendors.length];
  const [siteId, countryCode] = sites[(i >> 2) % sites.length];
  const month = String(1 + (i % 12)).padStart(2, '0');
  const next = i % 12 === 11 ? '2027-01' : `2026-${String(2 + (i % 12)).padStart(2, '0')}`;
  const cents = String(i % 100).padStart(2, '0');
  return {
    id: `le-${String(i).padStart(9, '0')}`,
    idempotencyKey: `bench/${i}`,
    entryType: i % 3 === 0 ? 'COMMITTED' : 'ACTUAL',
    costCenter: `cc-${i % 40}`,
    workloadId: i % 7 === 0 ? null : `wl-${i % 997}`,
    workloadKind: kinds[i % kinds.length],
    siteId,
    countryCode,
    vendor,
    acceleratorId,
    poolId: i % 11 === 0 ? null : `pool-${i % 503}`,
    chargePeriodStart: `2026-${month}-01`,
    chargePeriodEnd: `${next}-01`,
    amount: i % 50 === 0 ? `${123456789012 + i}.12345678` : `${1000 + (i % 9000)}.${cents}`,
    currency: 'USD',
    listAmount: i % 5 === 0 ? null : `${2000 + (i % 9000)}.${cents}`,
    deviceHours: i % 13 === 0 ? null : String(8 * (1 + (i % 64)) * 720),
    priceBookVersion: 'pb-2026.06',
    description: i % 9 === 0 ? `Plan ${i}, "burst" capacity\nreserved` : `${acceleratorId} at ${siteId}, month ${month}`,
    source: i % 3 === 0 ? 'PLAN' : 'KAFKA',
    recordedBy: 'bench',
    recordedAt: '2026-07-02T03:04:05.678Z',
  };
}

/** What the gateway will read: pages fetched one at a time over the bus; never all rows at once. */
const live = { start: 0, peak: 0 };
async function* ledger(count) {
  for (let start = 0; start < count; start += PAGE_SIZE) {
    await new Promise((resolve) => setImmediate(resolve)); // the bus round trip
    // What is still reachable once the previous page is written: the writer's own footprint.
    globalThis.gc?.();
    live.peak = Math.max(live.peak, process.memoryUsage().heapUsed - live.start);
    const page = [];
    for (let i = start; i < Math.min(count, start + PAGE_SIZE); i++) page.push(entry(i));
    yield* page;
  }
}

/** The floor: one JSON line per entry, waiting for 'drain' whenever write() says so. */
async function writeNdjson(rows, out) {
  let count = 0;
  for await (const e of rows) {
    count += 1;
    if (!out.write(`${JSON.stringify(e)}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return { rows: count };
}

async function child(format, count) {
  const { writeLedgerCsv, writeLedgerXlsx } = await import('../dist/apps/gateway/src/exports/ledger-export.js');
  const write = { ndjson: writeNdjson, csv: writeLedgerCsv, xlsx: writeLedgerXlsx }[format];
  const file = join(tmpdir(), `cp-bench-export-${process.pid}.${format}`);
  globalThis.gc?.();
  const start = process.memoryUsage();
  live.start = start.heapUsed;
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  // heapUsed right after each full (mark-sweep) GC approximates the live heap, which the
  // peak above does not: V8 lets garbage accumulate until its own heuristics collect it.
  let afterMajorGc = null;
  let majorGcs = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.detail?.kind !== perfConstants.NODE_PERFORMANCE_GC_MAJOR) continue;
      majorGcs += 1;
      afterMajorGc = Math.max(afterMajorGc ?? 0, process.memoryUsage().heapUsed);
    }
  });
  gcs.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  const out = createWriteStream(file);
  const result = await write(ledger(count), out);
  if (!out.writableFinished) await finished(out);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  gcs.disconnect();
  sample();
  const { size } = await stat(file);
  await unlink(file);
  if (result.rows !== count) throw new Error(`${format}: wrote ${result.rows} of ${count} rows`);
  return { format, rows: count, ms, bytes: size, peakRssGrowthBytes: peakRss - start.rss, peakHeapUsedBytes: peakHeap, peakHeapGrowthBytes: peakHeap - start.heapUsed, majorGcs, peakHeapAfterMajorGcGrowthBytes: afterMajorGc === null ? null : afterMajorGc - start.heapUsed, liveHeapGrowthBytes: live.peak };
}

if (process.argv[2] === '--child') {
  const measured = await child(process.argv[3], Number(process.argv[4]));
  process.stdout.write(`${JSON.stringify(measured)}\n`);
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
/** Old-space cap of each child: 100k entries held at once would need several times this. */
const HEAP_CAP_MB = 128;
const ONE_PAGE_BYTES = 16 * 2 ** 20;
function measure(format, count) {
  const run = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${HEAP_CAP_MB}`, self, '--child', format, String(count)], { encoding: 'utf8', timeout: 240_000 });
  if (run.status !== 0) throw new Error(`${format} x ${count} failed: ${run.stderr || run.error}`);
  const m = JSON.parse(run.stdout.trim().split('\n').at(-1));
  console.log(
    `${`${format} ${count.toLocaleString('en-US')} rows`.padEnd(22)} ${m.ms.toFixed(0).padStart(6)} ms  ${mb(m.bytes).padStart(10)}  peak RSS +${mb(m.peakRssGrowthBytes)}  peak heap ${mb(m.peakHeapUsedBytes)} (+${mb(m.peakHeapGrowthBytes)})`,
  );
  return m;
}

const runs = {};
for (const count of SIZES) {
  runs[count] = {};
  for (const format of FORMATS) runs[count][format] = measure(format, count);
}

const byFormat = {};
for (const format of FORMATS) {
  const sizes = Object.fromEntries(
    SIZES.map((count) => {
      const m = runs[count][format];
      const floor = runs[count].ndjson;
      const { format: _format, ...figures } = m;
      return [count, { ...figures, rowsPerSecond: count / (m.ms / 1000), timeRatioToFloor: m.ms / floor.ms, peakHeapRatioToFloor: m.peakHeapUsedBytes / floor.peakHeapUsedBytes }];
    }),
  );
  const [small, large] = SIZES;
  const growthRatio = runs[large][format].peakHeapGrowthBytes / Math.max(1, runs[small][format].peakHeapGrowthBytes);
  const afterFullGc = Object.fromEntries(SIZES.map((count) => [count, runs[count][format].peakHeapAfterMajorGcGrowthBytes]));
  const liveSmall = runs[small][format].liveHeapGrowthBytes;
  const liveLarge = runs[large][format].liveHeapGrowthBytes;
  const liveRatio = liveLarge / Math.max(1, liveSmall);
  byFormat[format] = {
    sizes,
    boundedMemory: {
      liveHeapGrowthBytes: { [small]: liveSmall, [large]: liveLarge },
      liveHeapGrowthRatio: liveRatio,
      limit: 2,
      heapCapMb: HEAP_CAP_MB,
      ok: liveRatio <= 2 || liveLarge <= ONE_PAGE_BYTES,
      peakHeapGrowthRatio: growthRatio,
      heapGrowthAfterFullGcBytes: afterFullGc,
    },
  };
}
// The same check on the floor says how much of the ratio is V8 collecting lazily rather than
// the writer holding rows: the floor holds at most one page.
for (const format of FORMATS) byFormat[format].boundedMemory.floorPeakHeapGrowthRatio = byFormat.ndjson.boundedMemory.peakHeapGrowthRatio;

const { ndjson: floor, ...writers } = byFormat;
const result = { name: 'export', measuredAt: new Date().toISOString(), node: process.version, pageSize: PAGE_SIZE, sampleMs: SAMPLE_MS, floor: { ndjson: floor }, ...writers };
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/export.json', `${JSON.stringify(result, null, 2)}\n`);
const [small, large] = SIZES;
const signed = (bytes) => `${bytes < 0 ? '-' : '+'}${mb(Math.abs(bytes))}`;
const afterGc = (b) => SIZES.map((count) => (b.heapGrowthAfterFullGcBytes[count] === null ? 'n/a' : signed(b.heapGrowthAfterFullGcBytes[count]))).join(' -> ');
const liveOf = (b) => SIZES.map((count) => signed(b.liveHeapGrowthBytes[count])).join(' -> ');
console.log(`boundedMemory = live heap growth ${large / 1000}k / ${small / 1000}k rows <= x2 (or under ${mb(ONE_PAGE_BYTES)}), old space capped at ${HEAP_CAP_MB} MB; ndjson floor ${liveOf(floor.boundedMemory)}`);
for (const format of Object.keys(writers)) {
  const at = writers[format].sizes[large];
  const bounded = writers[format].boundedMemory;
  console.log(
    `${format} / ndjson at ${large.toLocaleString('en-US')} rows: time x${at.timeRatioToFloor.toFixed(2)}, peak heap x${at.peakHeapRatioToFloor.toFixed(2)}; live heap ${liveOf(bounded)} (x${bounded.liveHeapGrowthRatio.toFixed(2)}) ${bounded.ok ? 'bounded' : 'NOT BOUNDED'}; heap after V8's own full GCs ${afterGc(bounded)}`,
  );
}
process.exit(0);
