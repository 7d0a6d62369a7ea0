import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsString, Matches } from 'class-validator';
import { Nested } from '@dw/platform';
import { LOAD_OUT_METHODS, SETTLEMENT_METHODS, STORAGE_KINDS, type LoadOutMethod, type SettlementMethod, type StorageKind } from '../../domain/rate-card.terms';

/** Storage of one commodity in one kind of area, per tonne per calendar day. Ranges are the domain's rules (422). */
export class StorageRateDto {
  @ApiProperty({
    enum: STORAGE_KINDS,
    description: 'where the goods lie, as the inventory service names an area: shed (covered warehouse, 库房) or yard (open yard)',
  })
  @IsIn(STORAGE_KINDS)
  storageKind!: StorageKind;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code, as the inventory service names it' })
  @IsString()
  commodity!: string;

  @ApiProperty({ type: 'integer', example: 15, description: 'fen per tonne per calendar day, a whole number ≥ 0 (15 = 0.15 yuan)' })
  @IsInt()
  fenPerTonneDay!: number;
}

/** Load-out by one pickup method, per tonne. */
export class LoadOutRateDto {
  @ApiProperty({ enum: LOAD_OUT_METHODS, description: 'how the goods leave, as a pickup application names it: self_collect or warehouse_delivery' })
  @IsIn(LOAD_OUT_METHODS)
  method!: LoadOutMethod;

  @ApiProperty({ type: 'integer', example: 250, description: 'fen per tonne loaded out, a whole number ≥ 0' })
  @IsInt()
  fenPerTonne!: number;
}

/** Every fee item of one rate card version, in whole fen per tonne (per tonne per day for storage). */
export class RateCardTermsDto {
  @ApiProperty({
    enum: SETTLEMENT_METHODS,
    description:
      'how the depositor settles: monthly_statement (statement and invoice), prepaid_account (deducted as fees accrue) or exchange_collected (the exchange collects on the warehouse’s behalf)',
  })
  @IsIn(SETTLEMENT_METHODS)
  settlementMethod!: SettlementMethod;

  @ApiProperty({ type: () => StorageRateDto, isArray: true, description: 'storage rates, at least one, one per storage kind and commodity' })
  @IsArray()
  @Nested(() => StorageRateDto, { each: true })
  storage!: StorageRateDto[];

  @ApiProperty({ type: 'integer', example: 300, description: 'load-in, fen per tonne received, a whole number ≥ 0' })
  @IsInt()
  loadInFenPerTonne!: number;

  @ApiProperty({ type: () => LoadOutRateDto, isArray: true, description: 'load-out rates, one per method (none: load-out is not priced by this card)' })
  @IsArray()
  @Nested(() => LoadOutRateDto, { each: true })
  loadOut!: LoadOutRateDto[];

  @ApiProperty({ type: 'integer', example: 50, description: 'title transfer (过户), fen per tonne transferred, charged to the buyer, a whole number ≥ 0' })
  @IsInt()
  transferFenPerTonne!: number;
}

/** A new version of a rate card, in force from a later trading day; never an edit of one. */
export class PublishRateCardVersionRequestDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-10-08',
    description:
      'the Asia/Shanghai date (YYYY-MM-DD) the version is in force from: a trading day after today (otherwise 422 RATE_EFFECTIVE_DATE_NOT_FUTURE or RATE_EFFECTIVE_DATE_NOT_TRADING_DAY)',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({ type: () => RateCardTermsDto, description: 'the fee items and the settlement method' })
  @Nested(() => RateCardTermsDto)
  terms!: RateCardTermsDto;
}
