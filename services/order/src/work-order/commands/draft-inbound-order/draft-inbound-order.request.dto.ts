import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ARRIVAL_MODES, type ArrivalMode } from '../../../workflow/domain/workflow-key';
import { Nested } from '@dw/platform';

export class ArrivalWindowDto {
  @ApiProperty({ example: '2025-03-04T00:00:00+08:00', description: 'ISO-8601 instant with a zone' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @ApiProperty({ example: '2025-03-05T00:00:00+08:00' })
  @IsString()
  @MaxLength(40)
  to!: string;
}

export class InboundNoticeDto {
  @ApiProperty({ description: 'standard commodity code, as resolved by the inventory service (POST /commodities/resolutions)' })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @IsString()
  @MaxLength(100)
  brand!: string;

  @IsString()
  @MaxLength(200)
  specification!: string;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  expectedPieces!: number;

  @ApiProperty({ description: 'integer kilograms' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  expectedKg!: number;

  @ApiProperty({ enum: ARRIVAL_MODES })
  @IsIn(ARRIVAL_MODES)
  arrivalMode!: ArrivalMode;

  @Nested(() => ArrivalWindowDto)
  arrivalWindow!: ArrivalWindowDto;

  @IsString()
  @MaxLength(40)
  storageCard!: string;
}

export class DraftInboundOrderRequestDto {
  @IsString()
  @MaxLength(40)
  warehouse!: string;

  @ApiPropertyOptional({ description: "the depositor party holding the notice's storage card; taken from the card when omitted, refused (422 STORAGE_CARD_PARTY_MISMATCH) when it is not the card's" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ownerParty?: string;

  @Nested(() => InboundNoticeDto)
  notice!: InboundNoticeDto;
}
