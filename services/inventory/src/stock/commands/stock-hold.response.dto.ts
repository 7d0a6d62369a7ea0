import { ApiProperty } from '@nestjs/swagger';
import { QuantityResponseDto } from '../../shared/quantity.response.dto';

/** What a lot’s stock stands at: on hand = reserved + frozen + available. */
export class StockLevelsResponseDto {
  @ApiProperty({ type: () => QuantityResponseDto, description: 'in the warehouse' })
  onHand!: QuantityResponseDto;

  @ApiProperty({ type: () => QuantityResponseDto, description: 'held by reservations' })
  reserved!: QuantityResponseDto;

  @ApiProperty({ type: () => QuantityResponseDto, description: 'held by freezes' })
  frozen!: QuantityResponseDto;

  @ApiProperty({ type: () => QuantityResponseDto, description: 'free: on hand less reserved and frozen' })
  available!: QuantityResponseDto;
}

export class StockHoldResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'the lot’s stock version after the change' })
  version!: number;

  @ApiProperty({ type: () => StockLevelsResponseDto, nullable: true, description: 'the lot’s stock after the change; null for a lot with no stock' })
  levels!: StockLevelsResponseDto | null;
}
