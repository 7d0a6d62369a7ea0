import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { PIECE_KINDS, type PieceKind } from '../../domain/lot.commands';

export class ScanPieceRequestDto {
  @ApiProperty({ description: 'the barcode label of the bundle, coil or bale' })
  @IsString()
  @MaxLength(64)
  barcode!: string;

  @ApiProperty({ enum: PIECE_KINDS })
  @IsIn(PIECE_KINDS)
  kind!: PieceKind;

  @ApiProperty({ example: '2025-02-20', description: 'production date on the label (YYYY-MM-DD)' })
  @IsString()
  @MaxLength(10)
  productionDate!: string;
}
