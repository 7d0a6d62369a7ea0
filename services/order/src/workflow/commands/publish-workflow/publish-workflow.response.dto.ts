import { ApiProperty } from '@nestjs/swagger';
import { WorkflowStepResponseDto } from '../../workflow-parts.response.dto';

export class PublishWorkflowResponseDto {
  @ApiProperty({ type: String, example: 'inbound/rb-400e-20-sg/rail', description: 'the workflow (its key)' })
  workflowId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version just published: orders opened from now on pin it' })
  version!: number;

  @ApiProperty({ type: () => WorkflowStepResponseDto, isArray: true, description: 'its steps as published, in the order they are done' })
  steps!: WorkflowStepResponseDto[];
}
