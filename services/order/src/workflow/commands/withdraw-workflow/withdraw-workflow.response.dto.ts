import { ApiProperty } from '@nestjs/swagger';

export class WithdrawWorkflowResponseDto {
  @ApiProperty({ type: String, example: 'inbound/rb-400e-20-sg/rail', description: 'the workflow withdrawn (its key)' })
  workflowId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version withdrawn: its latest (orders that pinned a version keep it)' })
  version!: number;

  @ApiProperty({ enum: ['withdrawn'], description: 'always withdrawn: new orders fall back to the broader workflow' })
  status!: string;
}
