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
    if (admin) await (await admin).disconnect().catch(() => undefined);
  }
}
