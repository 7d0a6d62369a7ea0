import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Which sales to list: one seller's, one buyer's, those whose buyer invoice falls in a month. */
export class TradingSalesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64, description: 'only this seller’s sales' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sellerPartyId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64, description: 'only this buyer’s purchases' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  buyerPartyId?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-12',
    description: 'only trades whose buyer VAT invoice the exchange issues in this month (YYYY-MM; 第四十五条)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'buyerInvoiceMonth must be a month YYYY-MM' })
  buyerInvoiceMonth?: string;
}
