import { Inject, Injectable } from '@nestjs/common';
import { Database, EventStore, handleCommand } from '@dw/event-store';
import { type Clock } from '@dw/kernel';
import { CLOCK, IntervalScheduler } from '@dw/platform';
import { randomUUID } from 'node:crypto';
import { GateServiceConfig } from '../../../gate-service.config';
import { streams } from '../../../common/events/streams';
import { gateOrderDecider } from '../../domain/gate-order.decider';

/**
 * Records a no-show for every appointment whose slot has ended with nobody arrived, every
 * NO_SHOW_SWEEP_INTERVAL_MS. The read model names the candidates; each order's stream decides
 * (a vehicle that arrived meanwhile is not a no-show), so a late read model costs one stream read.
 */
@Injectable()
export class NoShowSweep extends IntervalScheduler {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateServiceConfig) config: GateServiceConfig,
  ) {
    super('NoShowSweep', config.NO_SHOW_SWEEP_INTERVAL_MS);
  }

  protected async run(): Promise<void> {
    const at = this.clock.now().toISOString();
    const { rows } = await this.db.query<{ appointment_id: string; order_id: string }>(
      `SELECT appointment_id, order_id FROM appointments WHERE status = 'booked' AND ends_at <= $1 ORDER BY ends_at, appointment_id`,
      [at],
    );
    const metadata = { actor: { subject: 'no-show-sweep', role: 'system' }, correlationId: randomUUID() };
    let missed = 0;
    for (const row of rows) {
      const handled = await handleCommand(this.store, {
        ...streams.gateOrder(row.order_id),
        decider: gateOrderDecider,
        command: { type: 'MarkNoShow', data: { appointmentId: row.appointment_id, at } },
        metadata,
        retriesOnConflict: 3,
      });
      if (handled.appended !== null) missed += 1;
    }
    if (missed > 0) this.logger.log(`recorded ${missed} no-show(s) at ${at}`);
  }
}
