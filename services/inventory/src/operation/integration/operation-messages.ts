import { create } from '@bufbuild/protobuf';
import {
  EventRegistry,
  inventoryOperationTopic,
  OperationRefusedSchema,
  StepEvidenceKind,
  toActor,
  toTimestamp,
  toWeight,
  WorkOrderStepPerformedSchema,
} from '@dw/contracts';
import type { OutboxMessage, PendingEvent } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from '@dw/platform';
import type { OperationRefused } from '../operation-refusal.events';

/** A workflow step whose floor work is done, as inventory reports it to the order service. */
export interface StepPerformed {
  readonly orderId: string;
  readonly step: string;
  readonly evidence: { readonly kind: 'scale_reading' | 'inspection_report'; readonly refs: readonly string[] } | null;
  readonly subject: string;
  readonly pieces: number;
  readonly netKg: number;
  readonly at: string;
}

const EVIDENCE_KINDS = { scale_reading: StepEvidenceKind.SCALE_READING, inspection_report: StepEvidenceKind.INSPECTION_REPORT } as const;

/** Builds inventory.operation.v1 messages; the event they ride on gives id, key, actor and trace. */
export class OperationMessages {
  constructor(
    private readonly topics: TopicNames,
    private readonly registry: EventRegistry,
  ) {}

  stepPerformed(event: PendingEvent, step: StepPerformed): OutboxMessage {
    const message = create(WorkOrderStepPerformedSchema, {
      orderId: step.orderId,
      step: step.step,
      evidenceKind: step.evidence ? EVIDENCE_KINDS[step.evidence.kind] : StepEvidenceKind.UNSPECIFIED,
      evidenceRefs: step.evidence ? [...step.evidence.refs] : [],
      subject: step.subject,
      pieces: step.pieces,
      net: toWeight(step.netKg),
      performedBy: toActor(event.metadata.actor),
      performedAt: toTimestamp(step.at),
    });
    return this.message(event, WorkOrderStepPerformedSchema.typeName, this.registry.encodeEvent(WorkOrderStepPerformedSchema.typeName, message));
  }

  refused(event: PendingEvent, refused: OperationRefused['data']): OutboxMessage {
    const message = create(OperationRefusedSchema, {
      refusalId: refused.refusalId,
      operation: refused.operation,
      code: refused.code,
      message: refused.message,
      orderId: refused.orderId ?? '',
      warehouse: refused.warehouse ?? '',
      ownerStorageCard: refused.owner ?? '',
      subject: refused.subject,
      detailsJson: JSON.stringify(refused.details),
      refusedActor: toActor(event.metadata.actor),
      refusedAt: toTimestamp(refused.at),
    });
    return this.message(event, OperationRefusedSchema.typeName, this.registry.encodeEvent(OperationRefusedSchema.typeName, message));
  }

  private message(event: PendingEvent, type: string, payload: Uint8Array): OutboxMessage {
    return cloudEventMessage(event, { topic: this.topics.of(inventoryOperationTopic), source: '/dw/inventory', type, payload });
  }
}
