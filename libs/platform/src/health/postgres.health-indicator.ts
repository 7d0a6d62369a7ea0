import { Injectable } from '@nestjs/common';
import { EdgeDatabase } from '../persistence/edge-database';
import type { HealthIndicator } from './health-indicator';

/** The service's own database answers a query. */
@Injectable()
export class PostgresHealthIndicator implements HealthIndicator {
  readonly name = 'postgres';

  constructor(private readonly db: EdgeDatabase) {}

  async check(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
