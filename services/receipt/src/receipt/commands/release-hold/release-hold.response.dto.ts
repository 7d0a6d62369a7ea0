import { ApiProperty } from '@nestjs/swagger';

export class ReleaseHoldResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt' })
  receiptNumber!: string;

  @ApiProperty({ type: String, description: 'the hold released' })
  holdId!: string;

  @ApiProperty({ type: Boolean, description: 'always true: the hold is gone' })
  released!: true;

  @ApiProperty({ type: 'integer', description: 'holds still on the receipt; at 0 it may be traded again' })
  remainingHolds!: number;

  @ApiProperty({ type: 'integer', description: 'the receipt’s version after the release' })
  version!: number;
}
