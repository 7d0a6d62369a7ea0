import { IsIn, IsInt, IsOptional, IsString, Matches } from 'class-validator';
import { Nested } from '@dw/platform';

export class ValidityRuleDto {
  @IsIn(['production-date', 'issue-date'])
  basis!: 'production-date' | 'issue-date';

  /** With basis production-date: calendar days from the earliest production date. */
  @IsOptional()
  @IsInt()
  days?: number;

  /** With basis issue-date: months from the issue date (end-of-month clamped). */
  @IsOptional()
  @IsInt()
  months?: number;
}

export class ReceiptRuleTermsDto {
  @IsIn(['warehouse', 'factory'])
  receiptKind!: 'warehouse' | 'factory';

  @IsInt()
  unitKg!: number;

  @IsInt()
  unitToleranceBp!: number;

  @Nested(() => ValidityRuleDto)
  validity!: ValidityRuleDto;

  /** null = no limit on the production-date span of one receipt. */
  @IsOptional()
  @IsInt()
  maxProductionSpanDays!: number | null;
}

/** A new version of a commodity's receipt rules, in force from a date (never before today). Ranges are the domain's rules. */
export class PublishReceiptRuleVersionRequestDto {
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @Nested(() => ReceiptRuleTermsDto)
  terms!: ReceiptRuleTermsDto;
}
