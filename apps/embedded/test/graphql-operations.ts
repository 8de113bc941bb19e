import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLInputType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLSchema,
} from 'graphql';

/** The committed public schema: every operation a caller can send. */
export const PUBLIC_SCHEMA: GraphQLSchema = buildSchema(readFileSync('apps/gateway/schema.gql', 'utf8'));

export interface PublicOperation {
  /** `Query.sites`, `Mutation.acceptPlan`, `Subscription.workloadRequestChanged`. */
  readonly key: string;
  readonly kind: 'query' | 'mutation' | 'subscription';
  readonly field: string;
  readonly args: readonly GraphQLArgument[];
  /** One document taking every argument as a variable and selecting `__typename`. */
  readonly document: string;
}

/** Type-valid stand-ins: they pass GraphQL's own checks, so what answers is the gateway. */
const SCALAR_SAMPLES: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-000000000000',
  String: 'sample',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2027-01-01T00:00:00.000Z',
  JSON: {},
  JSONObject: {},
};

export function publicOperations(schema: GraphQLSchema = PUBLIC_SCHEMA): PublicOperation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([kind, type]) =>
    type
      ? Object.values(type.getFields()).map((field) => {
          const params = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
          const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
          const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
          const document = `${kind} Probe${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
          return { key: `${type.name}.${field.name}`, kind, field: field.name, args: field.args, document };
        })
      : [],
  );
}

/** Variables for every required argument (and required input field), type-valid and harmless. */
export function sampleVariables(operation: PublicOperation): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of operation.args) if (isNonNullType(arg.type)) variables[arg.name] = sampleValue(arg.type);
  return variables;
}

export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isScalarType(type)) {
    if (!(type.name in SCALAR_SAMPLES)) throw new Error(`no sample for scalar ${type.name}: add one`);
    return SCALAR_SAMPLES[type.name];
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) if (isNonNullType(field.type)) value[field.name] = sampleValue(field.type);
    return value;
  }
  throw new Error(`unexpected input type ${String(type)}`);
}

/** Every path to a leaf (scalar or enum) in the sample variables, with its GraphQL type. */
export function leafPaths(operation: PublicOperation): { path: string[]; type: GraphQLInputType }[] {
  const out: { path: string[]; type: GraphQLInputType }[] = [];
  const walk = (type: GraphQLInputType, path: string[], depth: number): void => {
    const bare = isNonNullType(type) ? type.ofType : type;
    if (isListType(bare)) return walk(bare.ofType, [...path, '0'], depth);
    if (isInputObjectType(bare)) {
      if (depth > 4) return;
      for (const field of Object.values(bare.getFields())) if (isNonNullType(field.type)) walk(field.type, [...path, field.name], depth + 1);
      return;
    }
    out.push({ path, type: bare });
  };
  for (const arg of operation.args) if (isNonNullType(arg.type)) walk(arg.type, [arg.name], 0);
  return out;
}
