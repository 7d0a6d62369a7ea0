import { ApiProperty } from '@nestjs/swagger';

export class LotLoadOutResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'pieces of the lot on this load' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'their book weight in Kg' })
  bookKg!: number;

  @ApiProperty({ type: 'integer', description: 'the lot’s part of the load’s weighed net in Kg, in proportion to its book weight' })
  netKg!: number;

  @ApiProperty({ type: 'integer', description: 'net − book in Kg' })
  overShortKg!: number;

  @ApiProperty({ type: Boolean, description: 'these were the lot’s last pieces in store' })
  lastPieces!: boolean;
}

/** A load-out: the load's weights per lot, its note and whether the order's goods are now all out. */
export class LoadOutResponseDto {
  @ApiProperty({ type: String, description: 'the outbound order' })
  orderId!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s outbound record version after the load-out' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'which load-out of the order this was: 1, 2, …' })
  loadNo!: number;

  @ApiProperty({ type: String, description: 'the load-out note (出库单): GET /outbound-orders/:orderId/load-outs/:loadNo/note' })
  noteId!: string;

  @ApiProperty({ type: String, description: 'hex SHA-256 of the note’s PDF, as recorded' })
  noteSha256!: string;

  @ApiProperty({ type: 'integer', description: 'pieces on the load' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'book weight of the load in Kg' })
  bookKg!: number;

  @ApiProperty({ type: 'integer', description: 'weighed net of the load in Kg' })
  netKg!: number;

  @ApiProperty({ type: 'integer', description: 'over/short (溢短) = net − book in Kg' })
  overShortKg!: number;

  @ApiProperty({ type: () => LotLoadOutResponseDto, isArray: true, description: 'the load per lot' })
  lots!: LotLoadOutResponseDto[];

  @ApiProperty({ type: Boolean, description: 'every piece the order’s entitlement grants has left: its pick, weigh and load steps are reported done' })
  finished!: boolean;
}
