import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

interface Finding {
  ruleId: string | null;
  message: string;
}

const cases: { name: string; filePath: string; code: string; violates: boolean }[] = [
  { name: 'contracts importing TypeORM', filePath: 'libs/contracts/src/x.ts', code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n", violates: true },
  { name: 'contracts importing kafkajs', filePath: 'libs/contracts/src/x.ts', code: "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n", violates: true },
  { name: 'contracts importing NestJS', filePath: 'libs/contracts/src/x.ts', code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", violates: true },
  { name: 'contracts importing zod', filePath: 'libs/contracts/src/x.ts', code: "import { z } from 'zod';\nexport const x = z;\n", violates: false },
  { name: 'a pure library importing NestJS', filePath: 'libs/hardware/src/x.ts', code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", violates: true },
  { name: 'a pure library importing TypeORM', filePath: 'libs/hardware/src/x.ts', code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n", violates: true },
  { name: 'a pure library importing kafkajs', filePath: 'libs/hardware/src/x.ts', code: "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n", violates: true },
  { name: 'a pure library importing the messaging library', filePath: 'libs/hardware/src/x.ts', code: "import { KafkaBus } from '@cp/messaging';\nexport const x = KafkaBus;\n", violates: true },
  { name: 'a pure library importing decimal.js', filePath: 'libs/hardware/src/x.ts', code: "import Decimal from 'decimal.js';\nexport const x = Decimal;\n", violates: false },
  { name: 'production code importing the test runner', filePath: 'libs/hardware/src/x.ts', code: "import { expect } from '@jest/globals';\nexport const x = expect;\n", violates: true },
  { name: 'a pure library importing observability', filePath: 'libs/placement/src/x.ts', code: "import { rootLogger } from '@cp/observability';\nexport const x = rootLogger;\n", violates: true },
  { name: 'messaging importing observability', filePath: 'libs/messaging/src/x.ts', code: "import { messagingMetrics } from '@cp/observability';\nexport const x = messagingMetrics;\n", violates: false },
  { name: 'observability importing messaging', filePath: 'libs/observability/src/x.ts', code: "import { KafkaBus } from '@cp/messaging';\nexport const x = KafkaBus;\n", violates: true },
  { name: 'messaging importing persistence', filePath: 'libs/messaging/src/x.ts', code: "import { OutboxRelay } from '@cp/persistence';\nexport const x = OutboxRelay;\n", violates: true },
  { name: 'an app importing another app', filePath: 'apps/gateway/src/x.ts', code: "import { startInventory } from '@cp/inventory-service';\nexport const x = startInventory;\n", violates: true },
  { name: 'an app importing another app by path', filePath: 'apps/gateway/src/x.ts', code: "import { startInventory } from '../../inventory/src/service.js';\nexport const x = startInventory;\n", violates: true },
  { name: 'the launcher importing a service entry point', filePath: 'apps/embedded/src/x.ts', code: "import { startInventory } from '@cp/inventory-service';\nexport const x = startInventory;\n", violates: false },
  { name: 'production code importing the test harness', filePath: 'apps/gateway/src/x.ts', code: "import { eventually } from '@cp/testing';\nexport const x = eventually;\n", violates: true },
  { name: 'a deep import into a library', filePath: 'apps/gateway/src/x.ts', code: "import { KafkaBus } from '@cp/messaging/src/kafka/kafka-bus.js';\nexport const x = KafkaBus;\n", violates: true },
];

describe('module boundaries (eslint with the Nx project graph)', () => {
  const findings = JSON.parse(
    execFileSync('node', ['tools/lint/lint-snippets.mjs', JSON.stringify(cases)], { encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } }),
  ) as Finding[][];

  it.each(cases.map((c, i) => [c.name, c.violates, i] as const))('%s: violation=%s', (_name, violates, index) => {
    const boundaryFindings = findings[index]!.filter((f) => f.ruleId === '@nx/enforce-module-boundaries' || f.ruleId === 'no-restricted-imports');
    if (violates) expect(boundaryFindings.length).toBeGreaterThan(0);
    else expect(boundaryFindings).toEqual([]);
  });
});
