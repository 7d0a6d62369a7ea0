export * from './port/message-bus.port';
export * from './kafkajs/kafkajs-message-bus';
export * from './outbox/outbox-relay';
export * from './outbox/cloud-event-message';
export * from './inbox/inbox-consumer';
export * from './inbox/dead-letter';
