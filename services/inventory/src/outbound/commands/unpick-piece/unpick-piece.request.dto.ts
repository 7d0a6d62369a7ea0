import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class UnpickPieceRequestDto {
  @ApiProperty({ maxLength: 64, example: 'RB20-000001', description: 'the barcode label of the picked bundle, coil or bale returned to stock' })
  @IsString()
  @MaxLength(64)
  barcode!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'bundle damaged on the forks',
    description: 'why the piece goes back: a wrong piece picked, damage, a vehicle that cannot take it, …',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}
