import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Database, EventStore, handleCommand } from '@dw/event-store';
import { type Clock, shanghaiDateOf } from '@dw/kernel';
import { CLOCK, IntervalScheduler } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { FactoryOutbox } from '../../../common/integration/factory-outbox';
import { FactoryDeliveryServiceConfig } from '../../../factory-delivery-service.config';
import { factoryDecider } from '../../domain/factory.decider';
import { factoryMessageOf } from '../../integration/factory-events.mapper';

/**
 * Raises IssuanceDecisionOverdue for every application still pending after its decision day,
 * every ISSUANCE_OVERDUE_SWEEP_INTERVAL_MS. The read model names the candidates; the factory's
 * stream decides (decided meanwhile, or flagged already: nothing), so a late read model costs one
 * stream read and never a second notice.
 */
@Injectable()
export class IssuanceOverdueSweep extends IntervalScheduler {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FactoryOutbox) private readonly outbox: FactoryOutbox,
    @Inject(FactoryDeliveryServiceConfig) config: FactoryDeliveryServiceConfig,
  ) {
    super('IssuanceOverdueSweep', config.ISSUANCE_OVERDUE_SWEEP_INTERVAL_MS);
  }

  protected async run(): Promise<void> {
    const now = this.clock.now();
    const at = now.toISOString();
    const { rows } = await this.db.query<{ application_id: string; factory_id: string }>(
      `SELECT application_id, factory_id FROM issuance_applications WHERE status = 'pending' AND NOT overdue AND decision_due < $1
        ORDER BY decision_due, application_id`,
      [shanghaiDateOf(now)],
    );
    const metadata = { actor: { subject: 'issuance-overdue-sweep', role: 'system' }, correlationId: randomUUID() };
    let flagged = 0;
    for (const row of rows) {
      const handled = await handleCommand(this.store, {
        ...streams.factory(row.factory_id),
        decider: factoryDecider,
        command: {
          type: 'MarkIssuanceOverdue',
          data: { factoryId: row.factory_id, applicationId: row.application_id, actor: { subject: 'issuance-overdue-sweep', role: 'system' }, at },
        },
        metadata,
        outbox: this.outbox.of(factoryMessageOf),
        retriesOnConflict: 3,
      });
      if (handled.appended !== null) flagged += 1;
    }
    if (flagged > 0) this.logger.log(`flagged ${flagged} overdue issuance decision(s) at ${at}`);
  }
}
