import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EventContract, RequestContract } from '@cp/contracts';
import type { EventHandler, HandlerOptions, MessageBus, RequestHandler } from '../message-bus.js';

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
const HANDLER_OPTIONS = Symbol('HANDLER_OPTIONS');

const HANDLER_METADATA = Symbol('cp:message-handler');

type HandlerMetadata = { kind: 'request'; contract: RequestContract } | { kind: 'event'; contract: EventContract };

function markHandler(metadata: HandlerMetadata): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(HANDLER_METADATA, metadata, descriptor.value as object);
    return descriptor;
  };
}

/** Marks a provider method as the handler of a request contract; it receives parsed payloads only. */
export const OnMessage = (contract: RequestContract): MethodDecorator => markHandler({ kind: 'request', contract });

/** Marks a provider method as a consumer of an event contract, in this service's consumer group. */
export const OnEvent = (contract: EventContract): MethodDecorator => markHandler({ kind: 'event', contract });

/**
 * Finds the decorated methods, registers them on the bus, and starts the bus once
 * every module is initialised, so no message arrives before its handler exists.
 */
@Injectable()
class MessageHandlerRegistrar implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(HANDLER_OPTIONS) private readonly handlerOptions: HandlerOptions,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[name] as (...args: unknown[]) => Promise<unknown>;
        const metadata = Reflect.getMetadata(HANDLER_METADATA, method) as HandlerMetadata | undefined;
        if (!metadata) continue;
        const bound = method.bind(instance);
        if (metadata.kind === 'request') this.bus.handle(metadata.contract, bound as RequestHandler<RequestContract>, this.handlerOptions);
        else this.bus.subscribe(metadata.contract, bound as EventHandler<EventContract>, this.handlerOptions);
      }
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.stop();
  }
}

@Module({})
export class MessagingModule {
  /** `service` names the handlers' owner in spans and metrics. */
  static forRoot(bus: MessageBus, options: HandlerOptions = {}): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [{ provide: MESSAGE_BUS, useValue: bus }, { provide: HANDLER_OPTIONS, useValue: options }, MessageHandlerRegistrar],
      exports: [MESSAGE_BUS],
    };
  }
}
