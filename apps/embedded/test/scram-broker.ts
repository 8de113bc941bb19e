import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A second, throwaway Kafka broker whose client listener takes SASL/SCRAM-SHA-512 only. */
export interface ScramBroker {
  readonly bootstrap: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 500 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Starts a KRaft broker from the jars infra/kafka resolved (the main test broker has run
 * start.sh before any test), with a SCRAM user formatted into its storage: the same kind of
 * listener docker-compose.yml describes for deployments, without TLS.
 */
export async function startScramBroker(user: { name: string; password: string }): Promise<ScramBroker> {
  const [libs, java] = execFileSync('bash', ['-c', 'source infra/kafka/common.sh && printf "%s\\n%s" "$KAFKA_LIBS_DIR" "$KAFKA_JAVA"'], { encoding: 'utf8' }).split('\n');
  const dir = mkdtempSync(join(tmpdir(), 'cp-kafka-scram-'));
  const [client, internal, controller] = [await freePort(), await freePort(), await freePort()];
  const props = join(dir, 'server.properties');
  writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controller}`,
      `listeners=SASL_PLAINTEXT://127.0.0.1:${client},INTERNAL://127.0.0.1:${internal},CONTROLLER://127.0.0.1:${controller}`,
      `advertised.listeners=SASL_PLAINTEXT://127.0.0.1:${client},INTERNAL://127.0.0.1:${internal}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=INTERNAL',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
      'sasl.enabled.mechanisms=SCRAM-SHA-512',
      'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
      `log.dirs=${join(dir, 'kraft')}`,
      'auto.create.topics.enable=false',
      'num.partitions=1',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=3',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'share.coordinator.state.topic.replication.factor=1',
      'share.coordinator.state.topic.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
    ].join('\n'),
  );
  const cp = `${libs}/*`;
  const clusterId = execFileSync(java!, ['-cp', cp, 'kafka.tools.StorageTool', 'random-uuid'], { encoding: 'utf8' }).trim();
  execFileSync(java!, ['-cp', cp, 'kafka.tools.StorageTool', 'format', '--config', props, '--cluster-id', clusterId, '--add-scram', `SCRAM-SHA-512=[name=${user.name},password=${user.password}]`], { stdio: 'pipe' });
  const broker: ChildProcess = spawn(java!, ['-Xms128m', '-Xmx512m', '-cp', cp, `-Dkafka.logs.dir=${join(dir, 'logs')}`, 'kafka.Kafka', props], { stdio: 'ignore' });
  const deadline = Date.now() + 90_000;
  while (!(await portOpen(client))) {
    if (broker.exitCode !== null || Date.now() > deadline) {
      broker.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`the SCRAM broker did not open 127.0.0.1:${client} (exit ${broker.exitCode})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    bootstrap: `127.0.0.1:${client}`,
    stop: async () => {
      const exited = new Promise((resolve) => broker.once('exit', resolve));
      broker.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (broker.exitCode === null) broker.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
