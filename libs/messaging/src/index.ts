export * from './message-bus.js';
export * from './errors.js';
export { PayloadValidationError, describeZodError } from './codec.js';
export { consoleLogger, type BusLogger, type TransportName } from './dispatch.js';
export { InProcessBus } from './in-process/in-process-bus.js';
export { KafkaBus, type KafkaBusOptions } from './kafka/kafka-bus.js';
export { ensureTopics, MAX_MESSAGE_BYTES } from './kafka/topics-admin.js';
export { MESSAGE_BUS, MessagingModule, OnEvent, OnMessage } from './nest/messaging.module.js';
