import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { HOLD_KINDS, type HoldKind } from '../../domain/stock.commands';

/** A reservation (goods promised) or a freeze (goods blocked) on part of a lot, for a holder, with a reason. */
export class PlaceHoldRequestDto {
  @ApiProperty({
    maxLength: 100,
    example: 'PLEDGE-2025-0042',
    description: 'the hold’s id, chosen by the caller and used once on the lot (409 HOLD_EXISTS); the release names it',
  })
  @IsString()
  @MaxLength(100)
  holdId!: string;

  @ApiProperty({ enum: HOLD_KINDS, description: 'reservation: goods promised to the holder; freeze: goods blocked for the holder' })
  @IsIn(HOLD_KINDS)
  kind!: HoldKind;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1_000_000, example: 40, description: 'pieces held; with kg, no more than the lot has available' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  pieces!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000_000,
    example: 90_000,
    description: 'net weight held, in integer kilograms (Kg); with pieces, no more than the lot has available',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  kg!: number;

  @ApiProperty({ maxLength: 500, example: 'pledged to the bank under contract 2025-17', description: 'why the goods are held, kept with the hold' })
  @IsString()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({
    maxLength: 64,
    example: 'bank-icbc-sh',
    description: "the party the hold is for (a bank's or exchange's client id, a depositor's party id): only it may release the hold",
  })
  @IsString()
  @MaxLength(64)
  holder!: string;
}
