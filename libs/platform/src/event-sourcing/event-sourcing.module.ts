import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventRegistry, topicName, type TopicSpec } from '@dw/contracts';
import { assertAppendOnlyRole, Database, EventStore, openServiceDatabase } from '@dw/event-store';
import { type Clock, type IdGenerator, uuidV7Generator } from '@dw/kernel';
import { KafkaJsMessageBus, OutboxRelay, type MessageBus } from '@dw/messaging';
import { platformMetrics } from '@dw/observability';
import { ProjectionRunner } from '@dw/projections';
import type { DataSource } from 'typeorm';
import { BaseServiceConfig } from '../config/base-service.config';
import { DRAINABLE } from '../bootstrap/drainable';
import { HEALTH_INDICATOR } from '../health/health-indicator';
import { BusinessCalendarModule } from '../calendar/business-calendar.module';
import { CLOCK } from '../time/clock.token';
import { Housekeeping } from '../housekeeping/housekeeping';
import { KafkaHealthIndicator } from './kafka.health-indicator';
import { schemaOf, type ServiceDefinition } from './service-definition';

export const SERVICE_DEFINITION = 'DW_SERVICE_DEFINITION';
export const ID_GENERATOR = 'DW_ID_GENERATOR';
export const MESSAGE_BUS = 'DW_MESSAGE_BUS';
const SERVICE_DATA_SOURCE = 'DW_SERVICE_DATA_SOURCE';

/** Topic names of this environment (the configured prefix applied). */
@Injectable()
export class TopicNames {
  constructor(@Inject(BaseServiceConfig) private readonly config: BaseServiceConfig) {}

  /** Topic names under `prefix` outside a Nest app: in specs and the in-memory services that map events without one. */
  static withPrefix(prefix: string): TopicNames {
    return new TopicNames(Object.assign(new BaseServiceConfig(), { KAFKA_TOPIC_PREFIX: prefix }));
  }

  of(spec: TopicSpec): string {
    return topicName(spec, this.config.KAFKA_TOPIC_PREFIX ?? '');
  }
}

/** Starts the relay, the projection runner and housekeeping once the app is up; the drain stops them. */
@Injectable()
class EventSourcingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private housekeepingTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly runner: ProjectionRunner,
    private readonly housekeeping: Housekeeping,
    @Inject(BaseServiceConfig) private readonly config: BaseServiceConfig,
    @Inject(SERVICE_DATA_SOURCE) private readonly opened: { dataSource: DataSource },
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    this.runner.start();
    if (this.config.HOUSEKEEPING_INTERVAL_MS > 0) {
      this.housekeepingTimer = setInterval(() => {
        this.housekeeping
          .runOnce()
          .catch((error: unknown) => process.stderr.write(`${JSON.stringify({ level: 'error', logger: 'housekeeping', message: String(error) })}\n`));
      }, this.config.HOUSEKEEPING_INTERVAL_MS);
      this.housekeepingTimer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.housekeepingTimer) clearInterval(this.housekeepingTimer);
    await this.relay.drain();
    await this.runner.drain();
    if (this.opened.dataSource.isInitialized) await this.opened.dataSource.destroy();
  }
}

/**
 * The event-sourced core of a service, wired once for all six: its Database (as the service
 * role, search_path = its schema), EventStore, outbox relay to Kafka, projection runner, the
 * message bus and the contract registry, with metrics, readiness checks and graceful drain.
 * Kafka consumption is the InboxTransport (a Nest microservice strategy, see inbox.transport.ts).
 */
@Global()
@Module({})
export class EventSourcingModule {
  static forService(definition: ServiceDefinition, options: { ids?: IdGenerator } = {}): DynamicModule {
    return {
      module: EventSourcingModule,
      imports: [BusinessCalendarModule],
      providers: [
        { provide: SERVICE_DEFINITION, useValue: definition },
        { provide: ID_GENERATOR, useValue: options.ids ?? uuidV7Generator },
        TopicNames,
        {
          provide: SERVICE_DATA_SOURCE,
          useFactory: async (config: BaseServiceConfig) => {
            const opened = await openServiceDatabase(config.DATABASE_URL, config.DATABASE_SCHEMA ?? schemaOf(definition), {
              user: decodeURIComponent(new URL(config.DATABASE_URL).username) || undefined,
            });
            try {
              await assertAppendOnlyRole(opened.db);
            } catch (error) {
              await opened.dataSource.destroy();
              throw error;
            }
            return opened;
          },
          inject: [BaseServiceConfig],
        },
        { provide: Database, useFactory: (opened: { db: Database }) => opened.db, inject: [SERVICE_DATA_SOURCE] },
        {
          provide: ProjectionRunner,
          useFactory: (db: Database, clock: Clock) =>
            new ProjectionRunner(db, definition.projections, {
              clock,
              pollIntervalMs: 1_000,
              onLag: (projection, behind) => platformMetrics.projectionLag.set({ projection }, behind),
            }),
          inject: [Database, CLOCK],
        },
        {
          provide: EventStore,
          useFactory: (db: Database, clock: Clock, ids: IdGenerator, projections: ProjectionRunner) =>
            new EventStore(db, {
              clock,
              ids,
              onAppend: (streamType, seconds) => platformMetrics.appendDuration.observe({ stream_type: streamType }, seconds),
              // After the commit: woken earlier, the runner would read a log that does not show the events yet.
              onCommit: () => projections.wake(),
            }),
          inject: [Database, CLOCK, ID_GENERATOR, ProjectionRunner],
        },
        {
          provide: MESSAGE_BUS,
          useFactory: (config: BaseServiceConfig) => new KafkaJsMessageBus({ clientId: config.SERVICE_NAME, brokers: config.KAFKA_BROKERS }),
          inject: [BaseServiceConfig],
        },
        {
          provide: EventRegistry,
          useFactory: () => new EventRegistry().register(...definition.eventSchemas),
        },
        {
          provide: OutboxRelay,
          useFactory: (db: Database, bus: MessageBus, clock: Clock) =>
            new OutboxRelay(db, bus, {
              onPublished: (count) => platformMetrics.outboxPublished.inc({ schema: db.schema }, count),
              onBacklog: (pending, oldestAgeSeconds) => {
                platformMetrics.outboxPending.set({ schema: db.schema }, pending);
                platformMetrics.outboxRelayLag.set({ schema: db.schema }, oldestAgeSeconds);
              },
              onParked: (row, error) => {
                platformMetrics.outboxParked.inc({ schema: db.schema, topic: row.topic });
                process.stderr.write(
                  `${JSON.stringify({ level: 'error', logger: 'outbox-relay', alarm: 'OUTBOX_ROW_PARKED', at: clock.now(), ...row, message: String(error) })}\n`,
                );
              },
              onError: (error) =>
                process.stderr.write(`${JSON.stringify({ level: 'error', logger: 'outbox-relay', at: clock.now(), message: String(error) })}\n`),
            }),
          inject: [Database, MESSAGE_BUS, CLOCK],
        },
        {
          provide: Housekeeping,
          useFactory: (db: Database, clock: Clock, config: BaseServiceConfig) =>
            new Housekeeping(db, {
              clock,
              inboxRetentionMs: config.INBOX_RETENTION_DAYS * 86_400_000,
              idempotencyRetentionMs: config.IDEMPOTENCY_KEY_RETENTION_HOURS * 3_600_000,
            }),
          inject: [Database, CLOCK, BaseServiceConfig],
        },
        KafkaHealthIndicator,
        { provide: HEALTH_INDICATOR, useExisting: KafkaHealthIndicator },
        {
          provide: DRAINABLE,
          useFactory: (relay: OutboxRelay, projections: ProjectionRunner) => [relay, projections],
          inject: [OutboxRelay, ProjectionRunner],
        },
        EventSourcingLifecycle,
      ],
      exports: [SERVICE_DEFINITION, ID_GENERATOR, TopicNames, Database, ProjectionRunner, EventStore, MESSAGE_BUS, EventRegistry, OutboxRelay],
    };
  }
}
