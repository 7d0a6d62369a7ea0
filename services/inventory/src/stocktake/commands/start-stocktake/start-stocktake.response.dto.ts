import { ApiProperty } from '@nestjs/swagger';

export class StartStocktakeResponseDto {
  @ApiProperty({ type: String, description: 'the stocktake (one per stocktake order)' })
  stocktakeId!: string;

  @ApiProperty({ type: 'integer', description: 'the stocktake’s version' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'pieces in the book snapshot taken at the start: what the count is compared with' })
  bookPieces!: number;
}
