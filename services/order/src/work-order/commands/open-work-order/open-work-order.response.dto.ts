import { ApiProperty } from '@nestjs/swagger';
import { WorkflowRefResponseDto } from '../../../workflow/workflow-parts.response.dto';

export class OpenWorkOrderResponseDto {
  @ApiProperty({ type: String, description: 'the work order' })
  orderId!: string;

  @ApiProperty({ enum: ['open'], description: 'always open: operations may now be done under it' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s version after the change, also its ETag' })
  version!: number;

  @ApiProperty({ type: () => WorkflowRefResponseDto, description: 'the workflow version pinned now: the most specific active one; the order keeps it' })
  workflow!: WorkflowRefResponseDto;
}
