import { ApiProperty } from '@nestjs/swagger';
import { ARRIVAL_MODES } from '../../../workflow/domain/workflow-key';
import { PublishedWorkflowResponseDto } from '../../../workflow/workflow-parts.response.dto';
import { WorkOrderFieldsResponseDto } from '../list-work-orders/list-work-orders.response.dto';

export class ArrivalWindowResponseDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'the goods are expected from' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'until' })
  to!: string;
}

/** A depositor’s advance notice of goods arriving for storage (入库预报). */
export class InboundNoticeResponseDto {
  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the standard commodity code' })
  commodity!: string;

  @ApiProperty({ type: String, example: '沙钢', description: 'brand, as the depositor states it' })
  brand!: string;

  @ApiProperty({ type: String, example: 'HRB400E Φ20', description: 'specification, as the depositor states it' })
  specification!: string;

  @ApiProperty({ type: 'integer', description: 'pieces expected' })
  expectedPieces!: number;

  @ApiProperty({ type: 'integer', description: 'weight expected, integer kg: the lot’s net is weighed against it' })
  expectedKg!: number;

  @ApiProperty({ enum: ARRIVAL_MODES, description: 'how the goods arrive' })
  arrivalMode!: string;

  @ApiProperty({ type: () => ArrivalWindowResponseDto, description: 'when the goods are expected' })
  arrivalWindow!: ArrivalWindowResponseDto;

  @ApiProperty({ type: String, example: 'SC000042', description: 'the depositor’s storage card the goods are stored for' })
  storageCard!: string;
}

export class EntitledLotResponseDto {
  @ApiProperty({ type: String, description: 'a lot the holder may take out' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'its pieces' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'its net weight, integer kg' })
  netKg!: number;
}

/** The goods a cancelled receipt entitles its holder to take out (outbound orders opened from it). */
export class OutboundEntitlementResponseDto {
  @ApiProperty({ type: String, example: 'ENT-WR00000042', description: 'the entitlement' })
  entitlementId!: string;

  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt cancelled into it' })
  receiptNumber!: string;

  @ApiProperty({ type: () => EntitledLotResponseDto, isArray: true, description: 'the whole lots it covers' })
  lots!: EntitledLotResponseDto[];
}

export class PickupPlanDayResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'a pickup day (Asia/Shanghai)' })
  date!: string;

  @ApiProperty({ type: 'integer', description: 'integer kg planned for it' })
  kg!: number;
}

export class PickupCollectorResponseDto {
  @ApiProperty({ type: String, description: 'the collector’s name' })
  name!: string;

  @ApiProperty({ type: String, description: 'PRC resident ID number (GB 11643, checked)' })
  residentId!: string;

  @ApiProperty({ type: String, description: 'mainland mobile number' })
  mobile!: string;
}

/** The holder’s pickup application (提货申请) as checked. */
export class PickupApplicationResponseDto {
  @ApiProperty({ type: 'integer', description: 'integer kg applied for' })
  quantityKg!: number;

  @ApiProperty({ type: String, format: 'date', description: 'intended pickup date (Asia/Shanghai)' })
  pickupDate!: string;

  @ApiProperty({ type: String, format: 'date', description: 'last day of the pickup period' })
  pickupUntil!: string;

  @ApiProperty({ enum: ['self_collect', 'warehouse_delivery'], description: 'how the goods leave' })
  method!: string;

  @ApiProperty({ type: String, nullable: true, description: 'where the warehouse delivers; null for self-collection' })
  deliveryAddress!: string | null;

  @ApiProperty({ type: () => PickupPlanDayResponseDto, isArray: true, description: 'the daily plan, by day' })
  dailyPlan!: PickupPlanDayResponseDto[];

  @ApiProperty({ type: () => PickupCollectorResponseDto, description: 'who collects' })
  collector!: PickupCollectorResponseDto;

  @ApiProperty({ type: [String], description: 'plate numbers of the vehicles that load' })
  vehicles!: string[];
}

/** The application an outbound order opened from, with who made it and when. */
export class OrderPickupResponseDto {
  @ApiProperty({ type: () => PickupApplicationResponseDto, description: 'what the holder applied for' })
  application!: PickupApplicationResponseDto;

  @ApiProperty({ type: String, description: 'the depositor who applied (subject)' })
  appliedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  appliedAt!: string;
}

export class StepEvidenceResponseDto {
  @ApiProperty({ enum: ['scale_reading', 'inspection_report'], description: 'what the step’s check asked for' })
  kind!: string;

  @ApiProperty({ type: [String], example: ['SCALE-07-000123'], description: 'the ids of the scale readings or the inspection report' })
  refs!: string[];
}

/** What the order expects next. */
export class StepProgressResponseDto {
  @ApiProperty({ type: [String], description: 'the steps that may be recorded now: optional ones up to and including the next required one' })
  allowed!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'the next required step; null when every required step is done' })
  expected!: string | null;
}

/** One step done under the order. */
export class StepRecordResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'its place in the history, from 1' })
  sequence!: number;

  @ApiProperty({ type: String, example: 'weigh', description: 'the step’s code' })
  step!: string;

  @ApiProperty({ type: String, description: 'the step’s name, as the pinned workflow names it' })
  name!: string;

  @ApiProperty({ type: () => StepEvidenceResponseDto, nullable: true, description: 'the evidence it carried; null for a step without a check' })
  evidence!: StepEvidenceResponseDto | null;

  @ApiProperty({ type: Boolean, description: 'whether the step moved goods (the order can no longer be cancelled after one)' })
  movesGoods!: boolean;

  @ApiProperty({ type: String, description: 'who did it (subject): the desk clerk, or the operator inventory reported' })
  actor!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was done' })
  at!: string;
}

/** Another service's fact that completed the order. */
export class CompletionCauseResponseDto {
  @ApiProperty({ type: String, example: 'dw.receipt.v1.OutboundEntitlementExhausted', description: 'the fact’s full event type' })
  eventType!: string;

  @ApiProperty({ type: String, description: 'what it names: the entitlement id, or the transfer id' })
  reference!: string;
}

/** How the order was completed. */
export class CompletionResponseDto {
  @ApiProperty({ type: String, description: 'who completed it (subject): the desk clerk, or the service that consumed the fact' })
  actor!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  at!: string;

  @ApiProperty({ type: () => CompletionCauseResponseDto, nullable: true, description: 'the other service’s fact that completed it; null when the desk did' })
  cause!: CompletionCauseResponseDto | null;
}

/** An event from another service about this order that the order refused. */
export class RefusedReportResponseDto {
  @ApiProperty({ type: String, description: 'the integration event’s type' })
  eventType!: string;

  @ApiProperty({ type: String, example: 'WORK_ORDER_CLOSED', description: 'the error code it was refused with (docs/error-codes.md)' })
  code!: string;

  @ApiProperty({ type: String, description: 'why, in words' })
  message!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the refusal’s details, as a problem answer would carry them' })
  details!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was refused' })
  at!: string;
}

/** One work order as its stream has it now. */
export class WorkOrderResponseDto extends WorkOrderFieldsResponseDto {
  @ApiProperty({ type: 'integer', description: 'the order’s version, also its ETag' })
  version!: number;

  @ApiProperty({
    enum: ARRIVAL_MODES,
    nullable: true,
    description: 'how goods arrive or leave; null for orders without an arrival (move, stocktake, title transfer)',
  })
  arrivalMode!: string | null;

  @ApiProperty({ type: () => InboundNoticeResponseDto, nullable: true, description: 'the inbound notice it was drafted from; null unless inbound' })
  notice!: InboundNoticeResponseDto | null;

  @ApiProperty({
    type: () => OutboundEntitlementResponseDto,
    nullable: true,
    description: 'the entitlement an outbound order takes goods out under; null otherwise',
  })
  entitlement!: OutboundEntitlementResponseDto | null;

  @ApiProperty({
    type: () => OrderPickupResponseDto,
    nullable: true,
    description: 'the holder’s pickup application an outbound order opened from; null otherwise',
  })
  pickup!: OrderPickupResponseDto | null;

  @ApiProperty({ type: () => PublishedWorkflowResponseDto, nullable: true, description: 'the workflow version pinned when it was opened; null while a draft' })
  workflow!: PublishedWorkflowResponseDto | null;

  @ApiProperty({
    type: () => StepProgressResponseDto,
    nullable: true,
    description: 'what may be recorded next; null while a draft and once completed or cancelled',
  })
  next!: StepProgressResponseDto | null;

  @ApiProperty({ type: () => StepRecordResponseDto, isArray: true, description: 'every step done, in order, by whom and when' })
  history!: StepRecordResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'why it was cancelled; null unless cancelled' })
  cancelReason!: string | null;

  @ApiProperty({ type: () => CompletionResponseDto, nullable: true, description: 'who completed it, when, and on which fact; null unless completed' })
  completion!: CompletionResponseDto | null;

  @ApiProperty({
    type: () => RefusedReportResponseDto,
    isArray: true,
    description: 'events about this order it refused (e.g. a step reported after it was cancelled), in order',
  })
  refusedReports!: RefusedReportResponseDto[];
}
