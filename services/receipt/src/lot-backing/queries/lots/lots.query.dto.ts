import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class LotsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['available', 'reserved', 'backing'],
    description: 'available: free to back a receipt; reserved: held by a pending issuance application; backing: backs a receipt',
  })
  @IsOptional()
  @IsIn(['available', 'reserved', 'backing'])
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
