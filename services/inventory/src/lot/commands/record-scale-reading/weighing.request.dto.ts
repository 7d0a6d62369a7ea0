import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { WeighingSubject } from '../../domain/weighing';
import { Nested } from '@dw/platform';

/**
 * What was on the scale: `{kind: piece, barcode}` or `{kind: vehicle, vehicle, barcodes}`. One
 * class validates both shapes here; the domain refuses a piece without its barcode or a vehicle
 * without its plate or pieces.
 */
export class WeighingSubjectDto {
  @ApiProperty({
    enum: ['piece', 'vehicle'],
    description:
      'piece: one piece weighed alone (give barcode); vehicle: a vehicle weighed with pieces on it (give vehicle and barcodes), each piece then gets an even share of the net',
  })
  @IsIn(['piece', 'vehicle'])
  kind!: 'piece' | 'vehicle';

  @ApiPropertyOptional({ maxLength: 64, example: 'RB20-000001', description: 'kind piece only: the barcode label of the piece weighed' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  barcode?: string;

  @ApiPropertyOptional({
    maxLength: 40,
    example: '沪A12345',
    description: 'kind vehicle only: the vehicle weighed with the pieces on it (e.g. its plate number)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  vehicle?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 500,
    example: ['RB20-000001', 'RB20-000002'],
    description: 'kind vehicle only: barcode labels of the pieces on the vehicle, each once',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  barcodes?: string[];
}

/** A weighing: gross and tare in integer kg (net = gross − tare), the subject and when it was weighed. */
export class WeighingRequestDto {
  @ApiProperty({ maxLength: 100, example: 'SCALE-07-000123', description: 'the reading’s own id; a reading is recorded once' })
  @IsString()
  @MaxLength(100)
  readingId!: string;

  @ApiProperty({
    type: () => WeighingSubjectDto,
    description: 'what was weighed: {kind: piece, barcode} or {kind: vehicle, vehicle, barcodes}',
  })
  @Nested(() => WeighingSubjectDto)
  subject!: WeighingSubjectDto;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1_000_000, example: 32_450, description: 'gross weight in integer kilograms (Kg)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  grossKg!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    example: 12_300,
    description: 'tare in integer kilograms (Kg); the net, gross − tare, must be above 0',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  tareKg!: number;

  @ApiProperty({
    format: 'date-time',
    maxLength: 40,
    example: '2025-03-04T02:55:00Z',
    description: 'when the goods were weighed: an ISO-8601 instant with a zone (Z or ±hh:mm)',
  })
  @IsString()
  @MaxLength(40)
  weighedAt!: string;
}

/** The domain's subject: a piece, or a vehicle and the pieces on it (the domain checks the rest). */
export function weighingSubjectOf(subject: WeighingSubjectDto): WeighingSubject {
  return subject.kind === 'vehicle'
    ? { kind: 'vehicle', vehicle: subject.vehicle ?? '', barcodes: subject.barcodes ?? [] }
    : { kind: 'piece', barcode: subject.barcode ?? '' };
}
