import { ApiProperty } from '@nestjs/swagger';
import { ORDER_TYPES, STEP_CHECKS } from '@dw/work-orders';
import { ANY, ARRIVAL_MODES } from './domain/workflow-key';

// Parts of workflows that work-order and workflow answers share (documentation only).

export class WorkflowKeyResponseDto {
  @ApiProperty({ enum: ORDER_TYPES, description: 'the kind of work order the workflow is for' })
  orderType!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: "standard commodity code, or '*' for any commodity" })
  commodity!: string;

  @ApiProperty({ enum: [...ARRIVAL_MODES, ANY], description: "how goods arrive or leave, or '*' for any" })
  arrivalMode!: string;
}

export class WorkflowStepResponseDto {
  @ApiProperty({ type: String, example: 'weigh', description: 'the step’s code' })
  code!: string;

  @ApiProperty({ type: String, example: 'Weigh on the electronic scale', description: 'the step’s name as people read it' })
  name!: string;

  @ApiProperty({ enum: STEP_CHECKS, description: 'the evidence the step must carry when recorded: scale reading ids, an inspection report, or none' })
  check!: string;

  @ApiProperty({ type: Boolean, description: 'completion waits for the step; an optional step may be skipped, never done out of order' })
  required!: boolean;

  @ApiProperty({ type: Boolean, description: 'the step changes where goods physically are: once it is recorded the order can no longer be cancelled' })
  movesGoods!: boolean;
}

/** Which version of which workflow an order pinned. */
export class WorkflowRefResponseDto {
  @ApiProperty({ type: String, example: 'inbound/rb-400e-20-sg/rail', description: 'the workflow (its key)' })
  workflowId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version pinned' })
  version!: number;
}

/** One published version of a workflow, as an order pins it. */
export class PublishedWorkflowResponseDto {
  @ApiProperty({ type: String, example: 'inbound/rb-400e-20-sg/rail', description: 'the workflow (its key)' })
  workflowId!: string;

  @ApiProperty({ type: () => WorkflowKeyResponseDto, description: 'what the workflow applies to' })
  key!: WorkflowKeyResponseDto;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version' })
  version!: number;

  @ApiProperty({ type: () => WorkflowStepResponseDto, isArray: true, description: 'its steps, in the order they are done' })
  steps!: WorkflowStepResponseDto[];
}
