import { ApiProperty } from '@nestjs/swagger';
import { ORDER_TYPES } from '@dw/work-orders';

export class AuthorisingWorkflowResponseDto {
  @ApiProperty({ type: String, example: 'inbound/rb-400e-20-sg/rail', description: 'the workflow the order pinned' })
  workflowId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version pinned' })
  version!: number;
}

export class AuthorisingStepProgressResponseDto {
  @ApiProperty({ type: [String], description: 'the steps the floor may work on now: optional ones up to and including the next required one' })
  allowed!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'the next required step; null when every required step is done' })
  expected!: string | null;
}

/** What inventory knows of a work order, as it authorises operations under it. */
export class AuthorisingOrderResponseDto {
  @ApiProperty({ type: String, description: 'the work order' })
  orderId!: string;

  @ApiProperty({ type: 'integer', description: 'the version of inventory’s record of the order' })
  version!: number;

  @ApiProperty({ enum: ['open', 'in_progress', 'completed', 'cancelled'], description: 'as inventory last heard from the order service' })
  status!: string;

  @ApiProperty({ enum: ORDER_TYPES, description: 'the kind of work order' })
  type!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse it authorises operations in' })
  warehouse!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'the storage card whose goods it concerns' })
  owner!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({ type: () => AuthorisingWorkflowResponseDto, description: 'the workflow version the order pinned' })
  workflow!: AuthorisingWorkflowResponseDto;

  @ApiProperty({ type: [String], description: 'the steps recorded under it so far, in order' })
  stepsRecorded!: string[];

  @ApiProperty({
    type: () => AuthorisingStepProgressResponseDto,
    nullable: true,
    description: 'what may be done next; null once the order is completed or cancelled',
  })
  next!: AuthorisingStepProgressResponseDto | null;
}
