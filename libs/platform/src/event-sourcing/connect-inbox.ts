import type { INestApplication } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { Database, EventStore } from '@dw/event-store';
import type { MessageBus } from '@dw/messaging';
import type { Clock } from '@dw/kernel';
import { BaseServiceConfig } from '../config/base-service.config';
import { CLOCK } from '../time/clock.token';
import { MESSAGE_BUS, SERVICE_DEFINITION, TopicNames } from './event-sourcing.module';
import { InboxTransport } from './inbox.transport';
import { consumerGroupOf, type ServiceDefinition } from './service-definition';

/**
 * `configureMicroservices` for bootstrapService: connects the service's consumer group as a
 * Nest microservice (hybrid HTTP + Kafka), inheriting the app's global pipes and filters.
 */
export function connectInbox(app: INestApplication): void {
  const definition = app.get<ServiceDefinition>(SERVICE_DEFINITION);
  if (definition.consumedTopics.length === 0) return;
  const config = app.get(BaseServiceConfig);
  const topics = app.get(TopicNames);
  app.connectMicroservice(
    {
      strategy: new InboxTransport({
        serviceName: definition.name,
        groupId: consumerGroupOf(definition, config.KAFKA_TOPIC_PREFIX),
        topics: definition.consumedTopics.map((spec) => topics.of(spec)),
        db: app.get(Database),
        store: app.get(EventStore),
        bus: app.get<MessageBus>(MESSAGE_BUS),
        registry: app.get(EventRegistry),
        clock: app.get<Clock>(CLOCK),
      }),
    },
    { inheritAppConfig: true },
  );
}
