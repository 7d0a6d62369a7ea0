import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORDER_TYPES, type OrderType } from '@dw/work-orders';
import { PageQueryDto } from '@dw/platform';

export const WORKFLOW_STATUSES = ['active', 'superseded', 'withdrawn'] as const;

export class ListWorkflowsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_TYPES })
  @IsOptional()
  @IsIn(ORDER_TYPES)
  orderType?: OrderType;

  @ApiPropertyOptional({ description: "commodity code, or '*'" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  commodity?: string;

  @ApiPropertyOptional({ enum: WORKFLOW_STATUSES })
  @IsOptional()
  @IsIn(WORKFLOW_STATUSES)
  status?: (typeof WORKFLOW_STATUSES)[number];
}
