import type { LedgerEntryV1 } from '@cp/contracts';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Stream, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FOCUS_DECIMAL_COLUMNS, FOCUS_LEDGER_COLUMNS, focusRowValues, toFocusRow, toXlsxCell } from './focus-columns.js';

export const LEDGER_SHEET_NAME = 'Cost ledger';
/** Excel opens at most 1,048,576 rows; one is the header. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;
/** Shows "0.10" as 0.10 and keeps up to the ledger's 8 places; text cells are unaffected. */
const DECIMAL_FORMAT = '#,##0.00######';
// exceljs looks a cell's style up by object identity before serialising it to find its id, and
// otherwise gives every cell a fresh copy of its column's style: sharing one object per column
// saves that serialisation for every cell (measured: about half the writer's time).
const DECIMAL_STYLE: Partial<ExcelJS.Style> = { numFmt: DECIMAL_FORMAT };
const TEXT_STYLE: Partial<ExcelJS.Style> = {};
const CELL_STYLES = FOCUS_LEDGER_COLUMNS.map((column) => (FOCUS_DECIMAL_COLUMNS.has(column) ? DECIMAL_STYLE : TEXT_STYLE));
/** Rows written between two backpressure checks (about 100 KiB of sheet XML). */
const ROWS_PER_CHECK = 64;
/** Uncompressed sheet XML allowed to wait for zlib before the writer stops reading the source. */
const SHEET_XML_BACKLOG_BYTES = 1 << 20;

/**
 * Streams entries as UTF-8 CSV (header first, RFC 4180 quoting, LF line ends, null as an empty
 * cell, amounts as the ledger's exact decimal strings). Reads the source only as fast as `out` accepts bytes. A
 * source or output error rejects, destroys `out` with the error and stops the source.
 */
export async function writeLedgerCsv(rows: AsyncIterable<LedgerEntryV1>, out: NodeJS.WritableStream): Promise<{ rows: number }> {
  let count = 0;
  // pipeline() is the streaming API's backpressure: the generator is pulled only when the
  // stringifier has room, and the stringifier only pushes while `out.write` has not returned
  // false (it waits for 'drain'). On any failure it destroys every stream and returns the source.
  async function* records(): AsyncGenerator<(string | null)[]> {
    for await (const entry of rows) {
      count += 1;
      yield focusRowValues(toFocusRow(entry));
    }
  }
  await pipeline(records, stringify({ header: true, columns: [...FOCUS_LEDGER_COLUMNS] }), out);
  return { rows: count };
}

/**
 * Streams entries as one XLSX sheet ("Cost ledger"; bold, frozen header) through exceljs's
 * streaming writer: each row is committed as written, so memory stays bounded by what is in
 * flight, not by the number of rows. Same error contract as `writeLedgerCsv`.
 */
export async function writeLedgerXlsx(rows: AsyncIterable<LedgerEntryV1>, out: NodeJS.WritableStream): Promise<{ rows: number }> {
  const guard = new OutputGuard(out);
  let count = 0;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FOCUS_LEDGER_COLUMNS.length } };
    sheet.columns = FOCUS_LEDGER_COLUMNS.map((column, c) => ({ key: column, width: Math.max(12, column.length + 2), style: CELL_STYLES[c] }));
    const header = sheet.addRow([...FOCUS_LEDGER_COLUMNS]);
    header.font = { bold: true };
    header.commit();
    const backlog = sheetXmlBacklog(sheet);

    for await (const entry of rows) {
      guard.check();
      if (count === XLSX_MAX_DATA_ROWS) throw new RangeError(`an XLSX sheet holds at most ${XLSX_MAX_DATA_ROWS} data rows; export this ledger as CSV or narrow the filter`);
      const row = toFocusRow(entry);
      const written = sheet.addRow(FOCUS_LEDGER_COLUMNS.map((column) => toXlsxCell(column, row[column])));
      for (let c = 0; c < CELL_STYLES.length; c++) written.getCell(c + 1).style = CELL_STYLES[c]!;
      written.commit();
      count += 1;
      if (count % ROWS_PER_CHECK === 0) await guard.writable(backlog);
    }
    guard.check();
    sheet.commit();
    // commit() resolves on the output's 'finish' and rejects on its 'error'; the guard also
    // catches an output that closes without finishing, which would otherwise never settle.
    await Promise.race([workbook.commit(), guard.failed()]);
  } catch (error) {
    destroy(out, error);
    throw error;
  } finally {
    guard.release();
  }
  return { rows: count };
}

function destroy(out: NodeJS.WritableStream, error: unknown): void {
  const writable = out as Partial<Writable>;
  if (writable.destroyed) return;
  if (typeof writable.destroy !== 'function') {
    out.end();
    return;
  }
  // destroy(error) emits 'error' on `out`; the promise already carries it, so a caller without
  // its own listener must not crash on it.
  out.once('error', () => undefined);
  writable.destroy(error instanceof Error ? error : new Error(String(error)));
}

/** Bytes of sheet XML exceljs has handed on but zlib has not yet taken, and its 'drain'. */
interface SheetXmlBacklog {
  bytes(): number;
  readonly stream: NodeJS.EventEmitter;
}

/**
 * exceljs 4.4's WorksheetWriter writes each committed row into a StreamBuf that forwards every
 * chunk to archiver's PassThrough without looking at write()'s result, and zlib (one threadpool
 * round trip per chunk) falls behind a synchronous row loop: measured, the whole sheet's XML
 * (~1.5 KiB a row) piled up in that PassThrough before the first compressed bytes left. The
 * PassThrough does honour zlib's and the output's backpressure, so its buffered length is the
 * one signal that covers the whole chain. It is private, hence the defensive lookup; if an
 * upgrade moves it, the writer still waits for `out` to drain, with a weaker bound.
 */
function sheetXmlBacklog(sheet: unknown): SheetXmlBacklog | null {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  const target = Array.isArray(pipes) ? (pipes[0] as { _writableState?: { length?: unknown }; on?: unknown } | undefined) : undefined;
  const state = target?._writableState;
  if (!state || typeof state.length !== 'number' || typeof target.on !== 'function') return null;
  return { bytes: () => state.length as number, stream: target as unknown as NodeJS.EventEmitter };
}

/**
 * Watches the output for the XLSX writer, which (unlike pipeline) cannot see it: an error or a
 * premature close is remembered, fails the next check, and ends any wait.
 */
class OutputGuard {
  private failure: Error | null = null;
  private finished = false;
  private readonly failureWaiters = new Set<(error: Error) => void>();

  private readonly onError = (error: Error): void => this.fail(error);
  private readonly onClose = (): void => {
    if (!this.finished) this.fail(new Error('the export output closed before the file was complete'));
  };
  private readonly onFinish = (): void => {
    this.finished = true;
  };

  constructor(private readonly out: NodeJS.WritableStream) {
    out.on('error', this.onError);
    out.on('close', this.onClose);
    out.on('finish', this.onFinish);
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Lets zlib and the file system run, then waits while too much sheet XML is queued for
   * compression or `out` is full; the source is not read meanwhile.
   */
  async writable(backlog: SheetXmlBacklog | null): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.check();
    while (backlog && backlog.bytes() > SHEET_XML_BACKLOG_BYTES) await this.until(backlog.stream, 'drain');
    while ((this.out as Partial<Writable>).writableNeedDrain === true) await this.until(this.out, 'drain');
  }

  /** Rejects once the output fails; otherwise stays pending. */
  failed(): Promise<never> {
    return new Promise<never>((_, reject) => {
      if (this.failure) reject(this.failure);
      else this.failureWaiters.add(reject);
    });
  }

  release(): void {
    this.out.off('error', this.onError);
    this.out.off('close', this.onClose);
    this.out.off('finish', this.onFinish);
    this.failureWaiters.clear();
  }

  /** Resolves on `event`, rejects if the output fails first. */
  private until(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const onEvent = (): void => {
        this.failureWaiters.delete(onFailure);
        resolve();
      };
      const onFailure = (error: Error): void => {
        emitter.off(event, onEvent);
        reject(error);
      };
      emitter.once(event, onEvent);
      this.failureWaiters.add(onFailure);
    });
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.failureWaiters) reject(error);
    this.failureWaiters.clear();
  }
}
