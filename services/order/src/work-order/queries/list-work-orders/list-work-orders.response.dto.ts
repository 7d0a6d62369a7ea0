import { ApiProperty } from '@nestjs/swagger';
import { ORDER_TYPES, WORK_ORDER_STATUSES } from '@dw/work-orders';
import { ARRIVAL_MODES } from '../../../workflow/domain/workflow-key';
import { WorkflowRefResponseDto } from '../../../workflow/workflow-parts.response.dto';

/** What every answer about a work order says of it. */
export class WorkOrderFieldsResponseDto {
  @ApiProperty({ type: String, description: 'the work order' })
  orderId!: string;

  @ApiProperty({ enum: ORDER_TYPES, description: 'the kind of work order' })
  type!: string;

  @ApiProperty({ enum: WORK_ORDER_STATUSES, description: 'draft → open → in_progress → completed, or cancelled' })
  status!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse it is done in' })
  warehouse!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'the depositor’s storage card it acts for' })
  owner!: string;

  @ApiProperty({ type: String, description: 'the depositor party holding that card' })
  ownerParty!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the standard commodity code' })
  commodity!: string;
}

/** A work order as the list shows it (from the read model). */
export class WorkOrderItemResponseDto extends WorkOrderFieldsResponseDto {
  @ApiProperty({ enum: ARRIVAL_MODES, nullable: true, description: 'how goods arrive or leave; null for orders without an arrival' })
  arrivalMode!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'pieces the inbound notice announced; null unless inbound' })
  expectedPieces!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'weight the inbound notice announced, integer kg; null unless inbound' })
  expectedKg!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'ENT-WR00000042', description: 'the outbound entitlement it takes goods out under; null otherwise' })
  entitlementId!: string | null;

  @ApiProperty({ type: () => WorkflowRefResponseDto, nullable: true, description: 'the workflow version pinned when it was opened; null while a draft' })
  workflow!: WorkflowRefResponseDto | null;

  @ApiProperty({ type: 'integer', description: 'steps recorded so far' })
  stepsRecorded!: number;

  @ApiProperty({ type: String, nullable: true, description: 'why it was cancelled; null unless cancelled' })
  cancelReason!: string | null;

  @ApiProperty({ type: String, description: 'who drafted it (subject)' })
  draftedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was drafted' })
  draftedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it last changed' })
  updatedAt!: string;
}
