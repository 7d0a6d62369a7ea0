import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { WeighingSubject } from '../../domain/weighing';
import { Nested } from '@dw/platform';

export class WeighingSubjectDto {
  @ApiProperty({ enum: ['piece', 'vehicle'] })
  @IsIn(['piece', 'vehicle'])
  kind!: 'piece' | 'vehicle';

  @ApiPropertyOptional({ description: 'the piece weighed (kind piece)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  barcode?: string;

  @ApiPropertyOptional({ description: 'the vehicle weighed with pieces on it (kind vehicle)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  vehicle?: string;

  @ApiPropertyOptional({ description: 'the pieces on the vehicle (kind vehicle)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  barcodes?: string[];
}

/** A weighing: gross and tare in integer kg (net = gross − tare), the subject and when it was weighed. */
export class WeighingRequestDto {
  @IsString()
  @MaxLength(100)
  readingId!: string;

  @Nested(() => WeighingSubjectDto)
  subject!: WeighingSubjectDto;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  grossKg!: number;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  tareKg!: number;

  @ApiProperty({ example: '2025-03-04T02:55:00Z' })
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
