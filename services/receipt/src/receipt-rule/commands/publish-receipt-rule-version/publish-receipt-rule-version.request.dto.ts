import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { Nested } from '@dw/platform';

/**
 * How long a receipt stays good for delivery: `{basis: production-date, days}` or
 * `{basis: issue-date, months}`. One class validates both shapes here; the domain refuses a
 * basis without its count (422 INVALID_VALIDITY_RULE) and ignores the other count.
 */
export class ValidityRuleDto {
  @ApiProperty({
    enum: ['production-date', 'issue-date'],
    description:
      'production-date: valid for `days` calendar days from the earliest production date (e.g. warehouse rebar receipts, 90 days); issue-date: valid for `months` from the issue date (e.g. factory receipts, 6 months)',
  })
  @IsIn(['production-date', 'issue-date'])
  basis!: 'production-date' | 'issue-date';

  /** With basis production-date: calendar days from the earliest production date. */
  @ApiPropertyOptional({
    type: 'integer',
    example: 90,
    description: 'basis production-date only, and then required: calendar days from the earliest production date, 1 to 3650',
  })
  @IsOptional()
  @IsInt()
  days?: number;

  /** With basis issue-date: months from the issue date (end-of-month clamped). */
  @ApiPropertyOptional({
    type: 'integer',
    example: 6,
    description: 'basis issue-date only, and then required: months from the issue date (end-of-month clamped), 1 to 120',
  })
  @IsOptional()
  @IsInt()
  months?: number;
}

export class ReceiptRuleTermsDto {
  @ApiProperty({ enum: ['warehouse', 'factory'], description: 'warehouse receipts (仓库标准仓单) or factory receipts (厂库标准仓单)' })
  @IsIn(['warehouse', 'factory'])
  receiptKind!: 'warehouse' | 'factory';

  @ApiProperty({
    type: 'integer',
    example: 300_000,
    description: 'kilograms per delivery unit, in integer kilograms (Kg), at least 1: a receipt weighs whole units (e.g. rebar 300 t = 300000)',
  })
  @IsInt()
  unitKg!: number;

  @ApiProperty({
    type: 'integer',
    example: 300,
    description: 'allowed deviation of a receipt’s weight from its whole units, in basis points, 0 to 9999 (300 = ±3%)',
  })
  @IsInt()
  unitToleranceBp!: number;

  @ApiProperty({
    type: () => ValidityRuleDto,
    description: 'how long a receipt stays good for delivery: {basis: production-date, days} or {basis: issue-date, months}',
  })
  @Nested(() => ValidityRuleDto)
  validity!: ValidityRuleDto;

  /** null = no limit on the production-date span of one receipt. */
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 10,
    description: 'most consecutive calendar days the production dates on one receipt may span, 1 to 3650; null or left out: no limit',
  })
  @IsOptional()
  @IsInt()
  maxProductionSpanDays!: number | null;
}

/** A new version of a commodity's receipt rules, in force from a date (never before today). Ranges are the domain's rules. */
export class PublishReceiptRuleVersionRequestDto {
  @ApiProperty({
    format: 'date',
    example: '2025-07-01',
    description: 'the Asia/Shanghai date (YYYY-MM-DD) the version is in force from: today or later (earlier: 422 RULE_EFFECTIVE_DATE_IN_PAST)',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({ type: () => ReceiptRuleTermsDto, description: 'the rules receipts of the commodity are issued and judged by' })
  @Nested(() => ReceiptRuleTermsDto)
  terms!: ReceiptRuleTermsDto;
}
