import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Nested } from '@dw/platform';
import { ARRIVAL_MODES, type ArrivalMode } from '../../../workflow/domain/workflow-key';

export const DESK_ORDER_TYPES = ['outbound', 'title_transfer', 'move', 'stocktake'] as const;

/** The receipt transfer a title-transfer order waits for. */
export class TitleTransferTargetDto {
  @ApiProperty({ maxLength: 40, example: 'WR00000042', description: 'the receipt whose title moves' })
  @IsString()
  @MaxLength(40)
  receiptNumber!: string;

  @ApiProperty({ maxLength: 40, example: 'SC000043', description: 'the buyer’s storage card it moves to' })
  @IsString()
  @MaxLength(40)
  buyerStorageCard!: string;
}

export class DraftWorkOrderRequestDto {
  @ApiProperty({
    enum: DESK_ORDER_TYPES,
    description: 'the kind of work ordered; inbound orders are drafted from a notice: POST /inbound-orders (inbound here: 422 INBOUND_NOTICE_REQUIRED)',
  })
  @IsString()
  type!: (typeof DESK_ORDER_TYPES)[number];

  @ApiProperty({ maxLength: 40, example: 'WH-SH-01', description: 'the warehouse the work is done in' })
  @IsString()
  @MaxLength(40)
  warehouse!: string;

  @ApiProperty({
    maxLength: 40,
    example: 'SC000042',
    description: 'the storage card whose goods the order acts on: an approved card (unknown: 404 CARD_NOT_FOUND; not approved: 409 CARD_NOT_APPROVED)',
  })
  @IsString()
  @MaxLength(40)
  owner!: string;

  @ApiPropertyOptional({
    maxLength: 64,
    description:
      'the depositor party holding that storage card; taken from the card when omitted, refused (422 STORAGE_CARD_PARTY_MISMATCH) when it is not the card’s',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ownerParty?: string;

  @ApiProperty({ maxLength: 40, example: 'rb-400e-20-sg', description: 'standard commodity code' })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @ApiPropertyOptional({ enum: ARRIVAL_MODES, description: 'how goods leave; outbound orders only (on another type: 422 ARRIVAL_MODE_NOT_APPLICABLE)' })
  @IsOptional()
  @IsIn(ARRIVAL_MODES)
  arrivalMode?: ArrivalMode;

  @ApiPropertyOptional({
    type: () => TitleTransferTargetDto,
    description:
      'title_transfer orders only, and required for them: the receipt and the buyer’s card; the order completes when the receipt service reports that transfer (elsewhere: 422 TRANSFER_NOT_APPLICABLE)',
  })
  @IsOptional()
  @Nested(() => TitleTransferTargetDto)
  transfer?: TitleTransferTargetDto;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: 200,
    maxLength: 64,
    description:
      'outbound orders drafted here only, and required for them: the lots they take out; a lot backing a live receipt is refused (409 LOT_BACKS_LIVE_RECEIPT: its goods leave under an entitlement)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  lots?: string[];
}
