import { ApiProperty } from '@nestjs/swagger';

export class PutAwayResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'the lot’s version after the put-away' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'pieces placed at the location by this put-away' })
  placed!: number;

  @ApiProperty({ type: 'integer', description: 'pieces of the lot still without a location; at 0 the put_away step is done' })
  unplaced!: number;
}
