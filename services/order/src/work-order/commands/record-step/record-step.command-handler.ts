import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type HandledCommand } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import type { CommandContext } from '@dw/platform';
import { INVENTORY_STEPS, isInventoryStep } from '@dw/work-orders';
import type { StepEvidence } from '../../domain/work-order.commands';
import type { WorkOrderState } from '../../domain/work-order.state';
import { decideWorkOrderIn, WorkOrderOutbox } from '../../work-order-changes';

/** The title check a clerk once ticked; the receipt service decides it on the transfer. */
const VERIFY_TITLE = 'verify_title';

/**
 * A step recorded at the order desk. Floor steps (scanning, weighing, put-away, counting, ...)
 * are refused here: inventory reports them when the work is done, so the history names the
 * operator who did it and carries the scale readings it was done with, not a desk's word.
 */
@Injectable()
export class RecordStepCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox,
  ) {}

  async execute(
    orderId: string,
    step: string,
    evidence: StepEvidence | null,
    acting: CommandContext,
    expectedVersion?: number,
  ): Promise<HandledCommand<WorkOrderState>> {
    // rules ORD-FLOOR-STEPS-BY-INVENTORY, ORD-TITLE-TRANSFER-BY-RECEIPT
    if (step === VERIFY_TITLE) {
      // Error-proofing is the receipt service's check (rule RCPT-TRANSFER-MATCH), run on the transfer itself; a tick here would only claim it.
      throw refuse.conflict('STEP_DECIDED_BY_RECEIPT', `${step} is the receipt service’s error-proofing check, not a desk step`, {
        step,
        rule: 'RCPT-TRANSFER-MATCH',
      });
    }
    if (isInventoryStep(step)) {
      throw refuse.conflict('STEP_RECORDED_BY_INVENTORY', `${step} is recorded when inventory reports the ${INVENTORY_STEPS[step]} done`, {
        step,
        operation: INVENTORY_STEPS[step],
      });
    }
    return this.store.transaction((tx) =>
      decideWorkOrderIn(
        tx,
        this.outbox,
        orderId,
        { type: 'RecordStep', data: { orderId, step, evidence, actor: acting.actor.subject, at: acting.at } },
        acting,
        expectedVersion,
      ),
    );
  }
}
