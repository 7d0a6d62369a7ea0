import { ApiProperty } from '@nestjs/swagger';

export class EntitledLotResponseDto {
  @ApiProperty({ type: String, description: 'a lot the entitlement releases' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'pieces of it the entitlement grants' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'pieces of it shipped under the order so far' })
  shippedPieces!: number;
}

export class OutboundEntitlementResponseDto {
  @ApiProperty({ type: String, description: 'the entitlement the order carries out (ENT-<receipt>)' })
  entitlementId!: string;

  @ApiProperty({ type: String, description: 'the receipt cancelled for pickup' })
  receiptNumber!: string;

  @ApiProperty({ type: () => EntitledLotResponseDto, isArray: true, description: 'the lots it releases and how much of each has left' })
  lots!: EntitledLotResponseDto[];
}

export class PickedPieceResponseDto {
  @ApiProperty({ type: String, description: 'the piece’s barcode' })
  barcode!: string;

  @ApiProperty({ type: String, description: 'its lot' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'its book weight (inbound weight) in Kg' })
  bookKg!: number;

  @ApiProperty({ type: String, description: 'who picked it' })
  pickedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was picked' })
  pickedAt!: string;
}

export class LoadOutItemResponseDto {
  @ApiProperty({ type: 'integer', description: 'the load-out’s number under the order: 1, 2, …' })
  loadNo!: number;

  @ApiProperty({ type: String, description: 'its load-out note: GET /outbound-orders/:orderId/load-outs/:loadNo/note' })
  noteId!: string;

  @ApiProperty({ type: String, description: 'hex SHA-256 of the note’s PDF' })
  noteSha256!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the vehicle it left on, when given' })
  vehicle!: string | null;

  @ApiProperty({ type: [String], description: 'barcodes of the pieces that left' })
  barcodes!: string[];

  @ApiProperty({ type: 'integer', description: 'book weight in Kg' })
  bookKg!: number;

  @ApiProperty({ type: 'integer', description: 'weighed net in Kg' })
  netKg!: number;

  @ApiProperty({ type: 'integer', description: 'over/short (溢短) = net − book in Kg' })
  overShortKg!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date it left' })
  shippedOn!: string;

  @ApiProperty({ type: String, description: 'who loaded it out' })
  shippedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it left' })
  shippedAt!: string;
}

/** An outbound order’s floor work: the load being prepared and every load-out so far. */
export class OutboundOrderResponseDto {
  @ApiProperty({ type: String, description: 'the outbound order' })
  orderId!: string;

  @ApiProperty({ enum: ['open', 'finished'], description: 'finished once every piece the entitlement grants has left' })
  status!: string;

  @ApiProperty({ type: String, description: 'the storage card whose goods leave' })
  owner!: string;

  @ApiProperty({
    type: () => OutboundEntitlementResponseDto,
    nullable: true,
    description: 'the entitlement carried out; null for an order no cancellation opened',
  })
  entitlement!: OutboundEntitlementResponseDto | null;

  @ApiProperty({ type: () => PickedPieceResponseDto, isArray: true, description: 'the load being prepared: picked, not yet shipped' })
  picked!: PickedPieceResponseDto[];

  @ApiProperty({ type: Boolean, description: 'the load being prepared has been weighed and waits to be loaded out' })
  weighed!: boolean;

  @ApiProperty({ type: () => LoadOutItemResponseDto, isArray: true, description: 'every load-out, oldest first' })
  loads!: LoadOutItemResponseDto[];
}
