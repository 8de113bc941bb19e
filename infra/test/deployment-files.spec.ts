/**
 * Keeps the deployment files (docker-compose.yml, apps/<app>/Dockerfile) in step with the code:
 * config schemas, ports, entry points, the local Kafka setup. Nothing here builds or runs Docker;
 * it reads the real files and fails when they drift.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { z } from 'zod';
import { CostEstimationConfig } from '../../apps/cost-estimation/src/config.js';
import { GatewayConfig } from '../../apps/gateway/src/config.js';
import { InventoryConfig } from '../../apps/inventory/src/config.js';
import { RegionComplianceConfig } from '../../apps/region-compliance/src/config.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INFRA_SERVICES = ['kafka', 'postgres'];

type Schema = z.ZodObject<z.ZodRawShape>;
interface AppCase {
  app: string;
  schema: Schema;
  /** Variable prefix of the app's own settings, e.g. GATEWAY for GATEWAY_HOST / GATEWAY_PORT. */
  prefix: string;
}

const APPS: AppCase[] = [
  { app: 'gateway', schema: GatewayConfig, prefix: 'GATEWAY' },
  { app: 'inventory', schema: InventoryConfig, prefix: 'INVENTORY' },
  { app: 'region-compliance', schema: RegionComplianceConfig, prefix: 'REGION_COMPLIANCE' },
  { app: 'cost-estimation', schema: CostEstimationConfig, prefix: 'COST_ESTIMATION' },
];
const APP_NAMES = APPS.map((a) => a.app);

// ---------------------------------------------------------------------------------------------
// docker-compose.yml

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number | { target?: number | string; published?: number | string })[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

// `merge: true` resolves `<<: *anchor` the way Compose does.
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;

/** Compose's `${VAR:-default}` / `${VAR-default}` with nothing set in the environment. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-([^}]*))?\}/g, (whole, name: string, withDefault?: string, fallback?: string) => {
    if (withDefault === undefined) throw new Error(`${whole} has no default: the file would not work without ${name} set`);
    return fallback ?? '';
  });
}

/** A service's environment as Compose would hand it to the container (both YAML forms). */
function environmentOf(service: ComposeService): Record<string, string> {
  const raw = service.environment ?? {};
  const entries = Array.isArray(raw)
    ? raw.map((line): [string, string] => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(raw).map(([key, value]): [string, string] => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value)]));
}

function dependsOn(service: ComposeService): Record<string, string | undefined> {
  const raw = service.depends_on ?? {};
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(raw).map(([name, spec]) => [name, spec?.condition]));
}

/** `[published, target]` for each port mapping; a bare container port publishes a random host port. */
function publishedPorts(service: ComposeService): { published: string; target: string }[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return { published: String(port.published ?? ''), target: String(port.target ?? '') };
    const parts = String(port).replace(/\/(tcp|udp)$/, '').split(':');
    const target = parts[parts.length - 1];
    return { published: parts.length > 1 ? parts[parts.length - 2] : '', target };
  });
}

function buildOf(service: ComposeService): { context: string; dockerfile: string } {
  const build = service.build;
  if (build === undefined) throw new Error('service has no build section');
  if (typeof build === 'string') return { context: build, dockerfile: 'Dockerfile' };
  return { context: build.context ?? '.', dockerfile: build.dockerfile ?? 'Dockerfile' };
}

// ---------------------------------------------------------------------------------------------
// Dockerfiles

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  base: string;
  name?: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (line continuations joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue; // comments, also inside a continuation
    if (/\\\s*$/.test(line)) {
      current += line.replace(/\\\s*$/, ' ');
      continue;
    }
    current += line;
    if (current.trim() !== '') logical.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') logical.push(current.trim());

  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/s.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2].trim();
    if (keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`cannot read FROM ${args}`);
      stages.push({ base: from[1], name: from[2], instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${keyword} before the first FROM`);
      stages[stages.length - 1].instructions.push({ keyword, args });
    }
  }
  return stages;
}

function dockerfilePath(app: string): string {
  return join(ROOT, 'apps', app, 'Dockerfile');
}

function runtimeStage(app: string): Stage {
  const stages = parseDockerfile(readFileSync(dockerfilePath(app), 'utf8'));
  return stages[stages.length - 1];
}

function all(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

function last(stage: Stage, keyword: string): string | undefined {
  return all(stage, keyword).at(-1);
}

/** ENV in both forms: `ENV A=1 B=2` and `ENV A 1`. Quotes around values are removed. */
function envOf(stage: Stage): Record<string, string> {
  const result: Record<string, string> = {};
  for (const args of all(stage, 'ENV')) {
    if (!args.includes('=') || /^\S+\s/.test(args.split('=')[0])) {
      const [key, ...rest] = args.split(/\s+/);
      result[key] = rest.join(' ');
      continue;
    }
    for (const pair of args.match(/[^\s=]+=("[^"]*"|'[^']*'|\S*)/g) ?? []) {
      const at = pair.indexOf('=');
      result[pair.slice(0, at)] = pair.slice(at + 1).replace(/^(["'])(.*)\1$/, '$2');
    }
  }
  return result;
}

function exposedPorts(stage: Stage): string[] {
  return all(stage, 'EXPOSE').flatMap((args) => args.split(/\s+/).map((p) => p.replace(/\/(tcp|udp)$/, '')));
}

/** The HEALTHCHECK command (after its options), or undefined. */
function healthcheckCommand(stage: Stage): string | undefined {
  const args = last(stage, 'HEALTHCHECK');
  if (args === undefined || /^NONE$/i.test(args)) return undefined;
  const command = /\bCMD\s+(.*)$/s.exec(args);
  return command?.[1];
}

/** Final WORKDIR of the stage (absolute). */
function workdirOf(stage: Stage): string {
  return all(stage, 'WORKDIR').reduce((dir, next) => posix.resolve(dir, next), '/');
}

/** COPY instructions as { from, sources, dest } with dest made absolute against WORKDIR. */
function copiesOf(stage: Stage): { from?: string; sources: string[]; dest: string }[] {
  const result: { from?: string; sources: string[]; dest: string }[] = [];
  let dir = '/';
  for (const { keyword, args } of stage.instructions) {
    if (keyword === 'WORKDIR') dir = posix.resolve(dir, args);
    if (keyword !== 'COPY') continue;
    const words = args.split(/\s+/);
    const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((w) => !w.startsWith('--'));
    result.push({ from, sources: paths.slice(0, -1), dest: posix.resolve(dir, paths[paths.length - 1]) });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Config schemas

/** Keys whose `safeParse({})` reports them missing: the variables with no default. */
function requiredKeys(schema: Schema): string[] {
  const result = schema.safeParse({});
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => issue.code === 'invalid_type' && issue.path.length === 1)
    .map((issue) => String(issue.path[0]))
    .sort();
}

/** The value the schema falls back to for one key when it is unset. */
function defaultOf(schema: Schema, key: string): unknown {
  const field = schema.shape[key];
  if (field === undefined) throw new Error(`the config schema has no ${key}`);
  return (field as z.ZodType).parse(undefined);
}

// ---------------------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('declares kafka, postgres and the four app services', () => {
    expect(Object.keys(compose.services ?? {}).sort()).toEqual(expect.arrayContaining([...INFRA_SERVICES, ...APP_NAMES].sort()));
  });

  it('pins every image tag (no latest, no missing tag), in compose and in the Dockerfiles', () => {
    const images: string[] = Object.values(compose.services)
      .map((s) => s.image)
      .filter((image): image is string => image !== undefined);
    for (const app of APP_NAMES) {
      const stages = parseDockerfile(readFileSync(dockerfilePath(app), 'utf8'));
      const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
      images.push(...stages.map((s) => s.base).filter((base) => !stageNames.has(base)));
    }
    for (const name of INFRA_SERVICES) expect({ name, image: typeof compose.services[name]?.image }).toEqual({ name, image: 'string' });
    for (const image of images) {
      const withoutDigest = image.split('@')[0];
      const tag = /:([^/:]+)$/.exec(withoutDigest)?.[1];
      expect({ image, pinned: (tag !== undefined && tag !== 'latest') || image.includes('@sha256:') }).toEqual({ image, pinned: true });
    }
  });

  it('runs Kafka with auto topic creation disabled (the services create their topics)', () => {
    expect(environmentOf(compose.services.kafka).KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
  });

  it('runs the Kafka release the local broker pins (infra/kafka), which kafkajs was checked against', () => {
    const pinned = /^KAFKA_VERSION="\$\{KAFKA_VERSION:-([^}]+)\}"/m.exec(readFileSync(join(ROOT, 'infra/kafka/common.sh'), 'utf8'))?.[1];
    expect(pinned).toBeDefined();
    expect(compose.services.kafka.image).toBe(`apache/kafka:${pinned}`);
  });

  it('runs Kafka in KRaft combined mode with a healthcheck that asks the broker itself', () => {
    const env = environmentOf(compose.services.kafka);
    expect(env.KAFKA_PROCESS_ROLES?.split(',').sort()).toEqual(['broker', 'controller']);
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toMatch(new RegExp(`^${env.KAFKA_NODE_ID}@[^:]+:9093$`));
    expect(String(compose.services.kafka.healthcheck?.test)).toContain('/opt/kafka/bin/kafka-broker-api-versions.sh');
  });

  it('gives postgres a pg_isready healthcheck and a named volume', () => {
    const postgres = compose.services.postgres;
    expect(String(postgres.healthcheck?.test)).toContain('pg_isready');
    const volumes = (postgres as { volumes?: string[] }).volumes ?? [];
    const named = Object.keys((compose as { volumes?: Record<string, unknown> }).volumes ?? {});
    expect(volumes.some((v) => named.includes(String(v).split(':')[0]))).toBe(true);
  });

  it('publishes a host port for the gateway only, and it is 4000', () => {
    const publishing = Object.entries(compose.services)
      .filter(([, service]) => publishedPorts(service).length > 0)
      .map(([name]) => name);
    expect(publishing).toEqual(['gateway']);
    const gatewayPort = environmentOf(compose.services.gateway).GATEWAY_PORT;
    expect(publishedPorts(compose.services.gateway)).toEqual([{ published: '4000', target: gatewayPort }]);
  });

  it('only waits with service_healthy on services that have a healthcheck (compose or Dockerfile)', () => {
    for (const service of Object.values(compose.services)) {
      for (const [dependency, condition] of Object.entries(dependsOn(service))) {
        if (condition !== 'service_healthy') continue;
        const target = compose.services[dependency];
        expect({ dependency, defined: target !== undefined }).toEqual({ dependency, defined: true });
        const check = target.healthcheck;
        const disabled = check?.disable === true || (Array.isArray(check?.test) && check.test[0] === 'NONE');
        const inCompose = check?.test !== undefined;
        const inDockerfile = APP_NAMES.includes(dependency) && healthcheckCommand(runtimeStage(dependency)) !== undefined;
        expect({ dependency, hasHealthcheck: !disabled && (inCompose || inDockerfile) }).toEqual({ dependency, hasHealthcheck: true });
      }
    }
  });

  it('makes the gateway wait until the three services are healthy', () => {
    const gateway = dependsOn(compose.services.gateway);
    for (const app of APP_NAMES.filter((a) => a !== 'gateway')) expect({ app, condition: gateway[app] }).toEqual({ app, condition: 'service_healthy' });
  });
});

/** The compose service of an app, failing with a clear message when it is missing. */
function serviceOf(app: string): ComposeService {
  const found = compose.services[app];
  if (found === undefined) throw new Error(`docker-compose.yml has no service ${app}`);
  return found;
}

const hostKey = ({ prefix }: AppCase): string => `${prefix}_HOST`;
const portKey = ({ prefix }: AppCase): string => `${prefix}_PORT`;

describe('each app service', () => {
  it.each(APPS)('$app: has a HOST and PORT variable in its config schema', (c) => {
    expect(Object.keys(c.schema.shape)).toEqual(expect.arrayContaining([hostKey(c), portKey(c)]));
  });

  it.each(APPS)('$app: builds from its own existing Dockerfile with the repository root as context', ({ app }) => {
    const { context, dockerfile } = buildOf(serviceOf(app));
    const contextDir = resolve(ROOT, context);
    expect(contextDir).toBe(ROOT);
    const file = resolve(contextDir, dockerfile);
    expect(file).toBe(dockerfilePath(app));
    expect(existsSync(file)).toBe(true);
  });

  it.each(APPS)('$app: sets every variable its config schema requires, and its HOST and PORT', (c) => {
    const required = requiredKeys(c.schema);
    expect(required).toEqual(expect.arrayContaining(['DATABASE_URL', 'KAFKA_BROKERS'])); // the derivation still finds them
    expect(Object.keys(environmentOf(serviceOf(c.app)))).toEqual(expect.arrayContaining([...required, hostKey(c), portKey(c)]));
  });

  it.each(APPS)('$app: has an environment (with the Dockerfile ENV) that its config schema accepts', ({ app, schema }) => {
    const env = { ...envOf(runtimeStage(app)), ...environmentOf(serviceOf(app)) };
    const result = schema.safeParse(env);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it.each(APPS)('$app: listens on all interfaces in the container (compose and Dockerfile)', (c) => {
    expect(environmentOf(serviceOf(c.app))[hostKey(c)]).toBe('0.0.0.0');
    expect(envOf(runtimeStage(c.app))[hostKey(c)]).toBe('0.0.0.0');
  });

  it.each(APPS)('$app: uses its documented port (the schema default) in compose, EXPOSE, ENV and HEALTHCHECK alike', (c) => {
    const port = String(defaultOf(c.schema, portKey(c)));
    const stage = runtimeStage(c.app);
    expect(environmentOf(serviceOf(c.app))[portKey(c)]).toBe(port);
    expect(envOf(stage)[portKey(c)]).toBe(port);
    expect(exposedPorts(stage)).toEqual([port]);
    const check = healthcheckCommand(stage);
    expect(check).toMatch(/^node -e /);
    expect(check?.match(/https?:\/\/[^'"\s)]+/g)).toEqual([`http://127.0.0.1:${port}/health/ready`]);
  });

  it.each(APPS)('$app: reaches Kafka at the broker address compose advertises', ({ app }) => {
    const advertised = environmentOf(compose.services.kafka)
      .KAFKA_ADVERTISED_LISTENERS.split(',')
      .map((listener) => listener.replace(/^[A-Z_]+:\/\//, ''));
    const brokers = environmentOf(serviceOf(app)).KAFKA_BROKERS.split(',').map((b) => b.trim());
    expect(brokers.length).toBeGreaterThan(0);
    for (const broker of brokers) expect(advertised).toContain(broker);
  });

  it.each(APPS)('$app: reaches Postgres at the compose postgres service with its password', ({ app }) => {
    const url = new URL(environmentOf(serviceOf(app)).DATABASE_URL);
    expect(url.hostname).toBe('postgres');
    expect(url.port || '5432').toBe('5432');
    expect(decodeURIComponent(url.password)).toBe(environmentOf(compose.services.postgres).POSTGRES_PASSWORD);
  });

  it.each(APPS)('$app: starts after kafka and postgres are healthy', ({ app }) => {
    const deps = dependsOn(serviceOf(app));
    expect({ kafka: deps.kafka, postgres: deps.postgres }).toEqual({ kafka: 'service_healthy', postgres: 'service_healthy' });
  });

  it.each(APPS)('$app: runs dist/apps/$app/src/main.js, compiled from an existing apps/$app/src/main.ts', ({ app }) => {
    const stage = runtimeStage(app);
    const cmd = JSON.parse(last(stage, 'CMD') ?? 'null') as unknown;
    const entry = `dist/apps/${app}/src/main.js`;
    expect(cmd).toEqual(['node', entry]);
    expect(existsSync(join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    // dist/ comes from the build stage, to where the relative CMD path resolves.
    const workdir = workdirOf(stage);
    expect(copiesOf(stage).some((c) => c.from !== undefined && c.dest === posix.join(workdir, 'dist'))).toBe(true);
  });

  it.each(APPS)('$app: builds on node:20-bookworm-slim and runs as user node with NODE_ENV=production', ({ app }) => {
    const stages = parseDockerfile(readFileSync(dockerfilePath(app), 'utf8'));
    const stage = stages[stages.length - 1];
    expect(stages.map((s) => s.base)).toEqual(['node:20-bookworm-slim', 'node:20-bookworm-slim']);
    expect(all(stages[0], 'RUN')).toEqual(['npm ci', 'npm run build']);
    expect(all(stage, 'RUN')[0]).toMatch(/^npm ci --omit=dev\b/);
    expect(last(stage, 'USER')).toBe('node');
    expect(envOf(stage).NODE_ENV).toBe('production');
  });

  // Services that load reference data at start declare DATA_DIR; they must ship data/ there.
  const withData = APPS.filter((c) => 'DATA_DIR' in (c.schema as unknown as { shape: Record<string, unknown> }).shape);

  it('the services that load reference data are inventory, region-compliance and cost-estimation', () => {
    expect(withData.map((c) => c.app)).toEqual(['inventory', 'region-compliance', 'cost-estimation']);
  });

  it.each(withData)('$app: ships the reference data where DATA_DIR points by default', ({ app, schema }) => {
    const stage = runtimeStage(app);
    const dataDir = String(defaultOf(schema, 'DATA_DIR'));
    const target = posix.resolve(workdirOf(stage), dataDir);
    const copy = copiesOf(stage).find((c) => c.from === undefined && c.dest === target);
    expect(copy?.sources).toEqual([posix.normalize(dataDir)]);
    expect(readdirSync(join(ROOT, dataDir), { recursive: true }).length).toBeGreaterThan(0);
  });

  it.each(APPS.filter((c) => !withData.includes(c)))('$app: does not copy the reference data', ({ app }) => {
    expect(copiesOf(runtimeStage(app)).some((c) => c.sources.some((s) => posix.normalize(s).replace(/\/$/, '') === 'data'))).toBe(false);
  });
});

describe('the four Dockerfiles', () => {
  it('differ only in the app name, its port and host/port variables, and the data copy', () => {
    const normalised = APPS.map(({ app, schema, prefix }) =>
      readFileSync(dockerfilePath(app), 'utf8')
        .split('\n')
        .filter((line) => !/^#|^COPY data /.test(line))
        .join('\n')
        .replaceAll(app, '<app>')
        .replaceAll(prefix, '<PREFIX>')
        .replaceAll(String(defaultOf(schema, `${prefix}_PORT`)), '<port>'),
    );
    for (const text of normalised.slice(1)) expect(text).toBe(normalised[0]);
  });
});
