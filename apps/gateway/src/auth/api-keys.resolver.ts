import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@cp/contracts';
import type { ApiKeyEntity } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { CurrentActor } from './current-actor.decorator.js';

@ObjectType({ description: 'An API key; its secret is never shown again after creation.' })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [String]) roles!: string[];
  @Field({ description: 'The actor id audit entries of this key carry.' }) actorId!: string;
  @Field() createdBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'To the minute.' }) lastUsedAt!: Date | null;
  @Field({ description: 'ACTIVE, EXPIRED or REVOKED.' }) status!: string;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) key!: ApiKey;
  @Field({ description: 'The whole key, shown this once: send it as Authorization: Bearer <secret>.' }) secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "training-pipeline prod".' }) name!: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => Date, { nullable: true, description: 'At most two years ahead; none: until revoked.' }) expiresAt?: Date | null;
}

function view(key: ApiKeyEntity, now = new Date()): ApiKey {
  const status = key.revokedAt ? 'REVOKED' : key.expiresAt && key.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';
  const { secretHash: _hash, bootstrap: _bootstrap, revokedBy: _by, ...fields } = key;
  return { ...fields, actorId: `key:${key.id}`, status };
}

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => [ApiKey], { description: 'Every API key, newest first (secrets are never kept).' })
  async apiKeys(): Promise<ApiKey[]> {
    return (await this.keys.list()).map((key) => view(key));
  }

  @Mutation(() => CreatedApiKey, { description: 'Create an API key for a pipeline, service or person; the secret is returned once.' })
  async createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentActor() actor: Actor): Promise<CreatedApiKey> {
    const created = await this.keys.create(actor, { name: input.name, roles: input.roles, expiresAt: input.expiresAt ?? null });
    return { key: view(created.key), secret: created.token };
  }

  @Mutation(() => ApiKey, { description: 'Revoke an API key; idempotent. Other gateway instances stop accepting it within 30 s.' })
  async revokeApiKey(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ApiKey> {
    return view(await this.keys.revoke(actor, id));
  }
}
