import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORDER_TYPES, type OrderType } from '@dw/work-orders';
import { PageQueryDto } from '@dw/platform';

export const WORKFLOW_STATUSES = ['active', 'superseded', 'withdrawn'] as const;

export class ListWorkflowsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_TYPES, description: 'the kind of work order the workflows are for' })
  @IsOptional()
  @IsIn(ORDER_TYPES)
  orderType?: OrderType;

  @ApiPropertyOptional({
    maxLength: 40,
    example: 'rb-400e-20-sg',
    description: "commodity code of the workflow key, or '*' for the workflows of any commodity",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  commodity?: string;

  @ApiPropertyOptional({
    enum: WORKFLOW_STATUSES,
    description:
      'active: the current version of its workflow, chosen for new orders; superseded: a later version exists; withdrawn: no longer chosen for new orders',
  })
  @IsOptional()
  @IsIn(WORKFLOW_STATUSES)
  status?: (typeof WORKFLOW_STATUSES)[number];
}
