import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { PIECE_KINDS, type PieceKind } from '../../domain/lot.commands';

export class ScanPieceRequestDto {
  @ApiProperty({
    maxLength: 64,
    example: 'RB20-000001',
    description: 'the barcode label of the bundle, coil or bale: 1-64 letters, digits, ., _, / or -; unique in the warehouse',
  })
  @IsString()
  @MaxLength(64)
  barcode!: string;

  @ApiProperty({ enum: PIECE_KINDS, description: 'what the piece is' })
  @IsIn(PIECE_KINDS)
  kind!: PieceKind;

  @ApiProperty({
    format: 'date',
    maxLength: 10,
    example: '2025-02-20',
    description: 'production date on the label (YYYY-MM-DD), no later than the Asia/Shanghai date of the scan',
  })
  @IsString()
  @MaxLength(10)
  productionDate!: string;
}
