// Runs a command with the services integration tests need: a Kafka broker (started
// from infra/kafka when none answers at KAFKA_BROKERS and the address is local) and
// PostgreSQL from DATABASE_URL. Stops the broker afterwards only if it started it.
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = {
  ...process.env,
  TZ: 'UTC',
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

function reachable(hostPort) {
  const [host, port] = [hostPort.slice(0, hostPort.lastIndexOf(':')), Number(hostPort.slice(hostPort.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const first = env.KAFKA_BROKERS.split(',')[0].trim();
let startedKafka = false;
if (!(await reachable(first))) {
  if (!/^(127\.0\.0\.1|localhost):9092$/.test(first)) {
    console.error(`Kafka is not reachable at KAFKA_BROKERS=${env.KAFKA_BROKERS}, and it is not the local default to start.`);
    process.exit(1);
  }
  console.error('No Kafka broker at 127.0.0.1:9092: starting one from infra/kafka (Java 17 + Maven).');
  // A broker started for one run gets state of its own: every run creates topics of its own
  // namespaces, and a broker that kept them all would start slower run by run. A kept broker
  // (KEEP_KAFKA=1) uses the default directory, so `npm run kafka:stop` finds it.
  const throwaway = process.env.KEEP_KAFKA !== '1' && process.env.KAFKA_DATA_DIR === undefined;
  if (throwaway) env.KAFKA_DATA_DIR = mkdtempSync(join(tmpdir(), 'cp-kafka-run-'));
  const started = spawnSync('bash', ['infra/kafka/start.sh'], { stdio: 'inherit', env });
  if (started.status !== 0) process.exit(started.status ?? 1);
  startedKafka = process.env.KEEP_KAFKA !== '1';
  if (throwaway) process.on('exit', () => rmSync(env.KAFKA_DATA_DIR, { recursive: true, force: true }));
}

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: 'inherit', env });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  if (startedKafka) spawnSync('bash', ['infra/kafka/stop.sh'], { stdio: 'inherit', env });
  process.exit(code ?? (signal ? 1 : 0));
});
