import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

/** The trader's bank settlement account at a depository bank (标准仓单交易管理办法 第三十条). */
export class TraderBankAccountRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: '上海恒达钢铁贸易有限公司', description: 'the account holder’s name as the bank has it' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  accountName!: string;

  @ApiProperty({ minLength: 1, maxLength: 64, example: '6222021001123456789', description: 'the bank account number' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  accountNumber!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: '中国工商银行上海分行', description: 'the depository bank and branch' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  bank!: string;
}

/** A depositor applies to become a receipt trader (仓单交易商) in its own party's name. */
export class ApplyForTradingRequestDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 40,
    example: 'SC000042',
    description:
      'one of the caller’s own approved storage cards: the trading account number is this card’s number (第十条); another party’s or no such card: 404 CARD_NOT_FOUND; not approved: 409 CARD_NOT_APPROVED',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  storageCard!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: '上海恒达钢铁贸易有限公司', description: 'the trader’s registered name (企业法人, 第六条)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: 20,
    example: ['rebar'],
    description: 'the commodities it asks to trade, no repeats; each one the exchange trades on the platform (else 422 COMMODITY_NOT_TRADED)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { each: true, message: 'each commodity must be 1-32 lower-case letters, digits, "_" or "-"' })
  commodities!: string[];

  @ApiProperty({ type: () => TraderBankAccountRequestDto, description: 'its bank settlement account (第三十条), where withdrawals are paid' })
  @Nested(() => TraderBankAccountRequestDto)
  bankAccount!: TraderBankAccountRequestDto;
}
