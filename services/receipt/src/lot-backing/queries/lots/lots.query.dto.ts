import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class LotsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['available', 'reserved', 'backing'])
  status?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerCard?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  warehouseId?: string;
}
