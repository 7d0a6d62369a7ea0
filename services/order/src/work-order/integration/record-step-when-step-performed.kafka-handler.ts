import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromTimestamp, StepEvidenceKind, type WorkOrderStepPerformed, WorkOrderStepPerformedSchema } from '@dw/contracts';
import { InboxContext } from '@dw/platform';
import type { StepEvidence } from '../domain/work-order.commands';
import { decideWorkOrderIn, WorkOrderOutbox } from '../work-order-changes';
import { refusalsRecorded } from './integration-refusal';

const EVIDENCE_KINDS: Partial<Record<StepEvidenceKind, StepEvidence['kind']>> = {
  [StepEvidenceKind.SCALE_READING]: 'scale_reading',
  [StepEvidenceKind.INSPECTION_REPORT]: 'inspection_report',
};

/**
 * Inventory finished the floor work of a step (tally, weighing, inspection, put-away, count):
 * the step goes into the order's history with the operator who did it and when it was done.
 * A report the order refuses (the order was cancelled meanwhile, a step out of order) is
 * recorded as refused, visible on the order, instead of being retried.
 */
@Controller()
export class RecordStepWhenStepPerformedKafkaHandler {
  constructor(@Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox) {}

  @EventPattern(WorkOrderStepPerformedSchema.typeName)
  async onStepPerformed(@Payload() event: WorkOrderStepPerformed, @Ctx() ctx: InboxContext): Promise<void> {
    const at = fromTimestamp(event.performedAt, 'performed_at');
    const kind = EVIDENCE_KINDS[event.evidenceKind];
    const evidence: StepEvidence | null = kind ? { kind, refs: [...event.evidenceRefs] } : null;
    const acting = ctx.commandContext(at, event.performedBy ?? { subject: 'unknown', role: 'unknown' });
    const { orderId, step } = event;
    await refusalsRecorded(ctx, orderId, at, () =>
      decideWorkOrderIn(
        ctx.store,
        this.outbox,
        orderId,
        { type: 'RecordStep', data: { orderId, step, evidence, actor: acting.actor.subject, at: acting.at } },
        acting,
      ),
    );
  }
}
