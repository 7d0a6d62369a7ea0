import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { HOLD_KINDS, type HoldKind } from '../../domain/stock.commands';

/** A reservation (goods promised) or a freeze (goods blocked) on part of a lot, for a holder, with a reason. */
export class PlaceHoldRequestDto {
  @IsString()
  @MaxLength(100)
  holdId!: string;

  @ApiProperty({ enum: HOLD_KINDS })
  @IsIn(HOLD_KINDS)
  kind!: HoldKind;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  pieces!: number;

  @ApiProperty({ description: 'integer kilograms' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  kg!: number;

  @IsString()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ description: "the party the hold is for (a bank's or exchange's client id, a depositor's party id): only it may release the hold" })
  @IsString()
  @MaxLength(64)
  holder!: string;
}
