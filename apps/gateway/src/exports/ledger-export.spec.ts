import { describe, expect, it } from '@jest/globals';
import type { LedgerEntryV1 } from '@cp/contracts';
import ExcelJS, { type Buffer as ExcelBuffer } from 'exceljs';
import { Writable } from 'node:stream';
import { FOCUS_LEDGER_COLUMNS, toFocusRow, toXlsxCell } from './focus-columns.js';
import { LEDGER_SHEET_NAME, writeLedgerCsv, writeLedgerXlsx } from './ledger-export.js';

function anEntry(overrides: Partial<LedgerEntryV1> = {}): LedgerEntryV1 {
  return {
    id: 'le-0001',
    idempotencyKey: 'plan-42/2026-06',
    entryType: 'ACTUAL',
    costCenter: 'ml-research',
    workloadId: 'wl-7',
    workloadKind: 'TRAINING',
    siteId: 'my-johor-sedenak',
    countryCode: 'MY',
    vendor: 'NVIDIA',
    acceleratorId: 'nvidia-h100-sxm',
    poolId: 'pool-17',
    chargePeriodStart: '2026-06-01',
    chargePeriodEnd: '2026-07-01',
    amount: '0.10',
    currency: 'USD',
    listAmount: '123456789012.12345678',
    deviceHours: '46080',
    priceBookVersion: 'pb-2026.06',
    description: 'H100 training, June',
    source: 'KAFKA',
    recordedBy: 'billing-feed',
    recordedAt: '2026-07-02T03:04:05.678Z',
    ...overrides,
  };
}

/** The shape the gateway will read: pages of entries fetched one at a time over the bus. */
async function* paged(count: number, pageSize = 5_000, make: (i: number) => LedgerEntryV1 = (i) => anEntry({ id: `le-${i}` })): AsyncGenerator<LedgerEntryV1> {
  for (let start = 0; start < count; start += pageSize) {
    await new Promise<void>((resolve) => setImmediate(resolve)); // the bus round trip
    const page = Array.from({ length: Math.min(pageSize, count - start) }, (_, k) => make(start + k));
    yield* page;
  }
}

/** Collects what is written; `slow` completes each write on a later turn of the event loop. */
function sink(options: { highWaterMark?: number; slow?: boolean } = {}) {
  const chunks: Buffer[] = [];
  let drains = 0;
  let newlines = 0;
  let bytes = 0;
  const stream = new Writable({
    highWaterMark: options.highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) newlines += 1;
      if (options.slow) setImmediate(callback);
      else callback();
    },
  });
  stream.on('drain', () => (drains += 1));
  return { stream, buffer: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString('utf8'), drains: () => drains, newlines: () => newlines, bytes: () => bytes };
}

/** RFC 4180, enough to read back what csv-stringify writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

const col = (name: (typeof FOCUS_LEDGER_COLUMNS)[number]) => FOCUS_LEDGER_COLUMNS.indexOf(name);

async function* failingAfter(count: number, error: Error): AsyncGenerator<LedgerEntryV1> {
  yield* paged(count, 100);
  throw error;
}

describe('toFocusRow', () => {
  it('maps an ACTUAL entry to a FOCUS usage row', () => {
    expect(toFocusRow(anEntry())).toMatchObject({
      BilledCost: '0.10',
      EffectiveCost: '0.10',
      ListCost: '123456789012.12345678',
      ContractedCost: '0.10',
      BillingCurrency: 'USD',
      ChargePeriodStart: '2026-06-01T00:00:00Z',
      ChargePeriodEnd: '2026-07-01T00:00:00Z',
      BillingPeriodStart: '2026-06-01T00:00:00Z',
      BillingPeriodEnd: '2026-07-01T00:00:00Z',
      ChargeCategory: 'Usage',
      ChargeClass: null,
      ConsumedQuantity: '46080',
      ConsumedUnit: 'Hours',
      PricingQuantity: '46080',
      PricingUnit: 'Hours',
      RegionId: 'MY',
      RegionName: 'Malaysia',
      ResourceId: 'pool-17',
      ResourceType: 'Accelerator pool',
      ServiceCategory: 'AI and Machine Learning',
      ServiceName: 'Compute Planner',
      SkuId: 'nvidia-h100-sxm',
      ProviderName: null,
      PublisherName: null,
      SubAccountId: 'ml-research',
      Tags: '{"CostCenter":"ml-research","WorkloadKind":"TRAINING","WorkloadId":"wl-7","SiteId":"my-johor-sedenak"}',
      x_AcceleratorVendor: 'NVIDIA',
      x_RecordedAt: '2026-07-02T03:04:05.678Z',
    });
  });

  it('maps a COMMITTED entry to a purchase with no consumed quantity, as FOCUS requires', () => {
    const row = toFocusRow(anEntry({ entryType: 'COMMITTED', chargePeriodStart: '2026-12-10', chargePeriodEnd: '2027-01-01', poolId: null, workloadId: null, recordedAt: '2026-12-01T08:00:00+08:00' }));
    expect(row).toMatchObject({
      ChargeCategory: 'Purchase',
      ConsumedQuantity: null,
      ConsumedUnit: null,
      PricingQuantity: '46080',
      BillingPeriodStart: '2026-12-01T00:00:00Z',
      BillingPeriodEnd: '2027-01-01T00:00:00Z',
      ResourceId: null,
      ResourceType: null,
      Tags: '{"CostCenter":"ml-research","WorkloadKind":"TRAINING","SiteId":"my-johor-sedenak"}',
      x_RecordedAt: '2026-12-01T00:00:00Z',
    });
  });

  it.each([
    ['0.10', 0.1],
    ['-1234.5', -1234.5],
    ['999999999999999', 999999999999999],
    ['123456789012.12345678', '123456789012.12345678'],
    ['1234567890123456', '1234567890123456'],
    ['0.00000001', 1e-8],
    ['0.00', 0],
    ['-0.50', -0.5],
  ])('writes %s to XLSX as %p', (decimal, cell) => {
    expect(toXlsxCell('BilledCost', decimal)).toBe(cell);
  });

  it('never turns a non-decimal column into a number', () => {
    expect(toXlsxCell('x_EntryId', '42')).toBe('42');
  });
});

describe('writeLedgerCsv', () => {
  it('writes the header and exact amounts, quotes what needs it and leaves nulls empty', async () => {
    const out = sink();
    const description = 'GPU, "burst"\nsecond line';
    const entries = [anEntry(), anEntry({ id: 'le-2', description, listAmount: null, poolId: null, deviceHours: null, priceBookVersion: null })];
    const result = await writeLedgerCsv(paged(2, 5_000, (i) => entries[i]!), out.stream);

    expect(result).toEqual({ rows: 2 });
    const text = out.text();
    expect(text.split('\n')[0]).toBe(FOCUS_LEDGER_COLUMNS.join(','));
    expect(text).toContain('"GPU, ""burst""\nsecond line"');
    const [header, first, second] = parseCsv(text);
    expect(header).toEqual([...FOCUS_LEDGER_COLUMNS]);
    expect(first![col('BilledCost')]).toBe('0.10');
    expect(first![col('ListCost')]).toBe('123456789012.12345678');
    expect(second![col('ChargeDescription')]).toBe(description);
    for (const name of ['ListCost', 'ResourceId', 'ResourceType', 'ConsumedQuantity', 'ConsumedUnit', 'PricingUnit', 'x_PriceBookVersion', 'ChargeClass', 'ProviderName'] as const) {
      expect([name, second![col(name)]]).toEqual([name, '']);
    }
    expect(second).toHaveLength(FOCUS_LEDGER_COLUMNS.length);
  });

  it('writes only the header for no entries', async () => {
    const out = sink();
    await expect(writeLedgerCsv(paged(0), out.stream)).resolves.toEqual({ rows: 0 });
    expect(out.text()).toBe(`${FOCUS_LEDGER_COLUMNS.join(',')}\n`);
  });

  it('rejects and destroys the output when the source fails', async () => {
    const out = sink();
    const error = new Error('bus timed out fetching page 2');
    await expect(writeLedgerCsv(failingAfter(150, error), out.stream)).rejects.toBe(error);
    expect(out.stream.destroyed).toBe(true);
    expect(out.stream.errored).toBe(error);
  });

  it('delivers every row to a slow output, reading the source no faster than it drains', async () => {
    const out = sink({ highWaterMark: 1024, slow: true });
    let produced = 0;
    let maxAhead = 0;
    const source = paged(3_000, 500, (i) => {
      produced += 1;
      maxAhead = Math.max(maxAhead, produced - Math.max(0, out.newlines() - 1));
      return anEntry({ id: `le-${i}` });
    });
    await expect(writeLedgerCsv(source, out.stream)).resolves.toEqual({ rows: 3_000 });
    const lines = parseCsv(out.text());
    expect(lines).toHaveLength(3_001);
    expect(lines.at(-1)![col('x_EntryId')]).toBe('le-2999');
    expect(out.drains()).toBeGreaterThan(0);
    // A page is fetched whole, so the source runs at most about a page ahead of the output.
    expect(maxAhead).toBeLessThanOrEqual(500 + 100);
  });
});

describe('writeLedgerXlsx', () => {
  it('round-trips 1,000 rows through exceljs', async () => {
    const out = sink();
    const make = (i: number) => anEntry({ id: `le-${i}`, amount: i === 7 ? '123456789012.12345678' : '0.10', description: i === 3 ? '=HYPERLINK("x")' : 'H100 training, June' });
    await expect(writeLedgerXlsx(paged(1_000, 300, make), out.stream)).resolves.toEqual({ rows: 1_000 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.buffer() as unknown as ExcelBuffer);
    const sheet = workbook.getWorksheet(LEDGER_SHEET_NAME)!;
    expect(sheet.rowCount).toBe(1_001);
    expect(sheet.getRow(1).values).toEqual([undefined, ...FOCUS_LEDGER_COLUMNS]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const cell = (row: number, name: (typeof FOCUS_LEDGER_COLUMNS)[number]) => sheet.getRow(row).getCell(col(name) + 1).value;
    expect(cell(2, 'BilledCost')).toBe(0.1);
    expect(sheet.getRow(2).getCell(col('BilledCost') + 1).numFmt).toBe('#,##0.00######');
    expect(cell(2, 'ListCost')).toBe('123456789012.12345678');
    expect(cell(9, 'BilledCost')).toBe('123456789012.12345678');
    expect(cell(5, 'ChargeDescription')).toBe('=HYPERLINK("x")');
    expect(cell(2, 'ChargePeriodStart')).toBe('2026-06-01T00:00:00Z');
    expect(cell(2, 'ChargeClass')).toBeNull();
    expect(cell(1_001, 'x_EntryId')).toBe('le-999');
  });

  it('compresses as it goes instead of queueing the sheet for zlib', async () => {
    const out = sink();
    const checkpoints: [number, number][] = [];
    let read = 0;
    async function* source(): AsyncGenerator<LedgerEntryV1> {
      for await (const entry of paged(20_000, 1_000)) {
        read += 1;
        if (read % 250 === 0) checkpoints.push([read, out.bytes()]);
        yield entry;
      }
    }
    await writeLedgerXlsx(source(), out.stream);
    const bytesPerRow = out.bytes() / 20_000;
    const rowsAheadOfOutput = Math.max(...checkpoints.map(([rows, bytes]) => rows - bytes / bytesPerRow));
    expect(rowsAheadOfOutput).toBeLessThan(3_000);
  });

  it('rejects and destroys the output when the source fails', async () => {
    const out = sink();
    const error = new Error('bus timed out fetching page 2');
    await expect(writeLedgerXlsx(failingAfter(150, error), out.stream)).rejects.toBe(error);
    expect(out.stream.destroyed).toBe(true);
    expect(out.stream.errored).toBe(error);
  });

  it('rejects and stops reading the source when the output fails', async () => {
    const out = sink();
    let read = 0;
    const source = paged(50_000, 1_000, (i) => {
      read += 1;
      if (i === 2_000) out.stream.destroy(new Error('client went away'));
      return anEntry({ id: `le-${i}` });
    });
    await expect(writeLedgerXlsx(source, out.stream)).rejects.toThrow('client went away');
    expect(read).toBeLessThan(5_000);
  });

  it('delivers every row to a slow output', async () => {
    const out = sink({ highWaterMark: 1024, slow: true });
    await expect(writeLedgerXlsx(paged(3_000, 500), out.stream)).resolves.toEqual({ rows: 3_000 });
    expect(out.drains()).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.buffer() as unknown as ExcelBuffer);
    const sheet = workbook.getWorksheet(LEDGER_SHEET_NAME)!;
    expect(sheet.rowCount).toBe(3_001);
    expect(sheet.getRow(3_001).getCell(col('x_EntryId') + 1).value).toBe('le-2999');
  });
});
