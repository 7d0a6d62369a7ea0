import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORDER_TYPES, WORK_ORDER_STATUSES, type OrderType, type WorkOrderStatus } from '@dw/work-orders';
import { PageQueryDto } from '@dw/platform';

export class ListWorkOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_TYPES })
  @IsOptional()
  @IsIn(ORDER_TYPES)
  type?: OrderType;

  @ApiPropertyOptional({ enum: WORK_ORDER_STATUSES })
  @IsOptional()
  @IsIn(WORK_ORDER_STATUSES)
  status?: WorkOrderStatus;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  warehouse?: string;

  @ApiPropertyOptional({ description: 'storage card' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  owner?: string;

  @ApiPropertyOptional({ description: 'standard commodity code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  commodity?: string;

  @ApiPropertyOptional({ description: 'orders drafted on or after this Asia/Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ description: 'orders drafted on or before this Asia/Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @ApiPropertyOptional({ description: 'outbound orders opened from this receipt cancellation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entitlementId?: string;
}
