import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORDER_TYPES, WORK_ORDER_STATUSES, type OrderType, type WorkOrderStatus } from '@dw/work-orders';
import { PageQueryDto } from '@dw/platform';

export class ListWorkOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_TYPES, description: 'kind of work order' })
  @IsOptional()
  @IsIn(ORDER_TYPES)
  type?: OrderType;

  @ApiPropertyOptional({ enum: WORK_ORDER_STATUSES, description: 'where the order is in its lifecycle: draft → open → in_progress → completed, or cancelled' })
  @IsOptional()
  @IsIn(WORK_ORDER_STATUSES)
  status?: WorkOrderStatus;

  @ApiPropertyOptional({ maxLength: 40, example: 'WH-SH-01', description: 'warehouse' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  warehouse?: string;

  @ApiPropertyOptional({
    maxLength: 40,
    example: 'SC000042',
    description: 'storage card; a depositor may name only its own (another: 404 CARD_NOT_FOUND) and sees only its own party’s orders',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  owner?: string;

  @ApiPropertyOptional({ maxLength: 40, example: 'rb-400e-20-sg', description: 'standard commodity code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  commodity?: string;

  @ApiPropertyOptional({ format: 'date', maxLength: 10, example: '2025-03-01', description: 'orders drafted on or after this Asia/Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    maxLength: 10,
    example: '2025-03-31',
    description: 'orders drafted on or before this Asia/Shanghai date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    example: 'ENT-WR00000042',
    description: 'outbound orders opened from this receipt cancellation (its outbound entitlement id, ENT-<receipt number>)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entitlementId?: string;
}
