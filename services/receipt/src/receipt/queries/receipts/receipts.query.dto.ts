import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class ReceiptsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['outstanding', 'expired', 'cancelled', 'split', 'merged'])
  status?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  holderCard?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  warehouseId?: string;
}
