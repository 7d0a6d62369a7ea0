import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class PickPieceRequestDto {
  @ApiProperty({ maxLength: 64, example: 'RB20-000001', description: 'the barcode label of the bundle, coil or bale picked' })
  @IsString()
  @MaxLength(64)
  barcode!: string;
}
