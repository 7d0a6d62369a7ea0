import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ARRIVAL_MODES, type ArrivalMode } from '../../../workflow/domain/workflow-key';

export const DESK_ORDER_TYPES = ['outbound', 'title_transfer', 'move', 'stocktake'] as const;

export class DraftWorkOrderRequestDto {
  @ApiProperty({ enum: DESK_ORDER_TYPES, description: 'inbound orders are drafted from a notice: POST /inbound-orders' })
  @IsString()
  type!: (typeof DESK_ORDER_TYPES)[number];

  @IsString()
  @MaxLength(40)
  warehouse!: string;

  @ApiProperty({ description: 'the storage card whose goods the order acts on' })
  @IsString()
  @MaxLength(40)
  owner!: string;

  @ApiPropertyOptional({ description: 'the depositor party holding that storage card; taken from the card when omitted, refused (422 STORAGE_CARD_PARTY_MISMATCH) when it is not the card’s' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ownerParty?: string;

  @ApiProperty({ description: 'standard commodity code' })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @ApiPropertyOptional({ enum: ARRIVAL_MODES, description: 'how goods leave; outbound orders only' })
  @IsOptional()
  @IsIn(ARRIVAL_MODES)
  arrivalMode?: ArrivalMode;
}
