import { z } from 'zod';

/**
 * A topic the system owns. Partition counts live here, beside the schemas, so the
 * broker set-up, the consumers and the producers cannot disagree about them.
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/** A request answered by exactly one reply; both payloads are parsed at both ends. */
export interface RequestContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: 'request';
  readonly topic: TopicSpec;
  readonly replyTopic: TopicSpec;
  readonly version: number;
  readonly request: Req;
  readonly reply: Res;
}

/** A fact that happened; published once, consumed by any number of groups. */
export interface EventContract<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly topic: TopicSpec;
  readonly version: number;
  readonly payload: P;
}

export type Contract = RequestContract | EventContract;

export type RequestOf<C extends RequestContract> = z.output<C['request']>;
export type ReplyOf<C extends RequestContract> = z.output<C['reply']>;
export type PayloadOf<C extends EventContract> = z.output<C['payload']>;

export function defineRequest<Req extends z.ZodType, Res extends z.ZodType>(
  topic: TopicSpec,
  replyTopic: TopicSpec,
  version: number,
  request: Req,
  reply: Res,
): RequestContract<Req, Res> {
  return Object.freeze({ kind: 'request', topic, replyTopic, version, request, reply });
}

export function defineEvent<P extends z.ZodType>(topic: TopicSpec, version: number, payload: P): EventContract<P> {
  return Object.freeze({ kind: 'event', topic, version, payload });
}

/** The dead-letter topic of a topic: unparsable or unhandleable messages land here with a reason. */
export function deadLetterTopicOf(topic: TopicSpec): TopicSpec {
  return { name: `${topic.name}.dlq`, partitions: 1 };
}
