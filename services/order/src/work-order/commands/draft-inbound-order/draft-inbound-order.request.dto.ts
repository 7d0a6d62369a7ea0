import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ARRIVAL_MODES, type ArrivalMode } from '../../../workflow/domain/workflow-key';
import { Nested } from '@dw/platform';

export class ArrivalWindowDto {
  @ApiProperty({
    format: 'date-time',
    maxLength: 40,
    example: '2025-03-04T00:00:00+08:00',
    description: 'the goods are expected from this ISO-8601 instant with a zone (Z or ±hh:mm)',
  })
  @IsString()
  @MaxLength(40)
  from!: string;

  @ApiProperty({ format: 'date-time', maxLength: 40, example: '2025-03-05T00:00:00+08:00', description: 'until this ISO-8601 instant with a zone, after from' })
  @IsString()
  @MaxLength(40)
  to!: string;
}

/** The depositor's inbound notice (入库通知), as the desk transcribes it. */
export class InboundNoticeDto {
  @ApiProperty({
    maxLength: 40,
    example: 'rb-400e-20-sg',
    description: 'standard commodity code, as resolved by the inventory service (POST /commodities/resolutions)',
  })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @ApiProperty({ maxLength: 100, example: '沙钢', description: 'brand of the goods, as the notice gives it' })
  @IsString()
  @MaxLength(100)
  brand!: string;

  @ApiProperty({ maxLength: 200, example: 'HRB400E Φ20', description: 'specification of the goods, as the notice gives it' })
  @IsString()
  @MaxLength(200)
  specification!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 120, description: 'pieces (bundles, coils, bales) announced' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  expectedPieces!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000,
    example: 300_000,
    description: 'net weight announced, in integer kilograms (Kg): the lot’s weighing is judged against it (±30 bp by default)',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  expectedKg!: number;

  @ApiProperty({ enum: ARRIVAL_MODES, description: 'how the goods arrive; picks the workflow with the order type and commodity' })
  @IsIn(ARRIVAL_MODES)
  arrivalMode!: ArrivalMode;

  @ApiProperty({ type: () => ArrivalWindowDto, description: 'when the goods are expected' })
  @Nested(() => ArrivalWindowDto)
  arrivalWindow!: ArrivalWindowDto;

  @ApiProperty({
    maxLength: 40,
    example: 'SC000042',
    description: 'the depositor’s storage card the goods are received to: an approved card (unknown: 404 CARD_NOT_FOUND; not approved: 409 CARD_NOT_APPROVED)',
  })
  @IsString()
  @MaxLength(40)
  storageCard!: string;
}

export class DraftInboundOrderRequestDto {
  @ApiProperty({ maxLength: 40, example: 'WH-SH-01', description: 'the warehouse receiving the goods' })
  @IsString()
  @MaxLength(40)
  warehouse!: string;

  @ApiPropertyOptional({
    maxLength: 64,
    description:
      "the depositor party holding the notice's storage card; taken from the card when omitted, refused (422 STORAGE_CARD_PARTY_MISMATCH) when it is not the card's",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ownerParty?: string;

  @ApiProperty({ type: () => InboundNoticeDto, description: 'the depositor’s inbound notice' })
  @Nested(() => InboundNoticeDto)
  notice!: InboundNoticeDto;
}
