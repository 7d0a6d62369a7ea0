import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class ListingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-04-01',
    description: 'listings for this trading day (YYYY-MM-DD, Asia/Shanghai); today when left out',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'tradingDay must be a date YYYY-MM-DD' })
  tradingDay?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'rebar', description: 'only this commodity' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'only open (offered now) or closed listings' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}
