import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { MessageBus, TopicAdmin } from '@dw/messaging';
import type { HealthIndicator } from '../health/health-indicator';

/** Ready only when the Kafka cluster answers a metadata request. */
@Injectable()
export class KafkaHealthIndicator implements HealthIndicator, OnApplicationShutdown {
  readonly name = 'kafka';
  private admin: Promise<TopicAdmin> | null = null;

  constructor(@Inject('DW_MESSAGE_BUS') private readonly bus: MessageBus) {}

  async check(): Promise<void> {
    this.admin ??= this.bus.admin();
    try {
      await (await this.admin).ping();
    } catch (error) {
      this.admin = null;
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    // A connection still being attempted (a readiness check that timed out while Kafka was
    // unreachable) is not waited for: shutdown does not wait for Kafka. Whenever it settles it is
    // closed, and its failure, which no one awaits any more, is not left unhandled.
    if (admin) void admin.then((connected) => connected.disconnect()).catch(() => undefined);
  }
}
