import { ApiProperty } from '@nestjs/swagger';
import { WorkflowKeyResponseDto, WorkflowStepResponseDto } from '../../workflow-parts.response.dto';
import { WORKFLOW_STATUSES } from './list-workflows.query.dto';

/** One version of a workflow. */
export class WorkflowVersionItemResponseDto {
  @ApiProperty({ type: String, example: 'inbound/rb-400e-20-sg/rail', description: 'the workflow (its key)' })
  workflowId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version' })
  version!: number;

  @ApiProperty({ type: () => WorkflowKeyResponseDto, description: 'what the workflow applies to' })
  key!: WorkflowKeyResponseDto;

  @ApiProperty({ type: () => WorkflowStepResponseDto, isArray: true, description: 'its steps, in the order they are done' })
  steps!: WorkflowStepResponseDto[];

  @ApiProperty({ enum: WORKFLOW_STATUSES, description: 'active (new orders pin it), superseded by a later version, or withdrawn' })
  status!: string;

  @ApiProperty({ type: String, description: 'who published it (subject)' })
  publishedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was published' })
  publishedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'why it was withdrawn; null unless withdrawn' })
  withdrawnReason!: string | null;
}
