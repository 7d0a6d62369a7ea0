import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** A lot's statuses in the `lots` read model (the lot-backing decider's states, less unregistered). */
export const LOT_STATUSES = ['available', 'reserved', 'backing', 'entitled', 'spot', 'shipped'];

export class LotsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: LOT_STATUSES,
    description:
      'available: free to back a receipt; reserved: held by a pending issuance application; backing: backs a receipt; entitled: its receipt was cancelled for a pickup and it waits under the outbound entitlement; spot: its receipt was cancelled to spot goods; shipped: its goods have all left',
  })
  @IsOptional()
  @IsIn(LOT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'rebar', description: 'the commodity’s standard code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'SC000042', description: 'the storage card owning the lot' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerCard?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'WH-SH-01', description: 'the warehouse holding the lot' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  warehouseId?: string;
}
