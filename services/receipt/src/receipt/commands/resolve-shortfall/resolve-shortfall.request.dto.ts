import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { SHORTFALL_OUTCOMES, type ShortfallOutcome } from '../../domain/receipt.shortfall';

/** How the warehouse answered for goods a stocktake found missing behind the receipt. */
export class ResolveShortfallRequestDto {
  @ApiProperty({
    enum: SHORTFALL_OUTCOMES,
    description: 'replenished: the goods are back in full (found by a later count, or made good); settled: the warehouse compensated the holder as agreed',
  })
  @IsIn(SHORTFALL_OUTCOMES)
  outcome!: ShortfallOutcome;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'ST-2026-0412/weight_variance:P-0001',
    description: 'replenished: the stocktake or variance that found the goods back; settled: the settlement with the holder',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    example: 'the missing coil was found in bay Y3 at the recount',
    description: 'why: kept with the resolution in the history',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
