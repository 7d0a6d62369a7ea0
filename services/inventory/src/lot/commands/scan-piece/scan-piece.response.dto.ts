import { ApiProperty } from '@nestjs/swagger';

export class ScanPieceResponseDto {
  @ApiProperty({ type: String, description: 'the order’s lot, opened by its first scan' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'pieces scanned into the lot so far, this one included' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'the lot’s version after the scan' })
  version!: number;
}
