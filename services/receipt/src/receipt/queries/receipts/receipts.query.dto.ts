import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class ReceiptsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['outstanding', 'expired', 'cancelled', 'split', 'merged'],
    description:
      'outstanding: in circulation; expired: past its validity (still in circulation, leaves only as spot goods); cancelled (注销); split or merged: replaced by its children or by the merged receipt',
  })
  @IsOptional()
  @IsIn(['outstanding', 'expired', 'cancelled', 'split', 'merged'])
  status?: string;

  @ApiPropertyOptional({
    maxLength: 50,
    example: 'SC000042',
    description: 'the storage card holding the receipts (a depositor sees only receipts its party holds, whatever it names)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  holderCard?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'rebar', description: 'the commodity’s standard code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'WH-SH-01', description: 'the warehouse holding the goods' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  warehouseId?: string;

  @ApiPropertyOptional({
    enum: ['applied'],
    description: 'applied: only receipts whose holder applied for cancellation and that await the warehouse (processing or rejection)',
  })
  @IsOptional()
  @IsIn(['applied'])
  cancellation?: 'applied';
}
