import { ApiProperty } from '@nestjs/swagger';

/** The weighing an un-pick voided: it weighed a load that is no longer the one picked. */
export class VoidedWeighingResponseDto {
  @ApiProperty({ type: 'integer', description: 'the load whose weighing is voided: it is weighed again before it leaves' })
  loadNo!: number;

  @ApiProperty({ type: String, description: 'the voided scale reading (it is not recorded again)' })
  readingId!: string;
}

export class UnpickPieceResponseDto {
  @ApiProperty({ type: String, description: 'the outbound order' })
  orderId!: string;

  @ApiProperty({ type: 'integer', description: 'the order’s outbound record version after the un-pick' })
  version!: number;

  @ApiProperty({ type: String, description: 'the piece returned to stock: it may be picked again' })
  barcode!: string;

  @ApiProperty({ type: String, description: 'the lot the piece belongs to' })
  lotId!: string;

  @ApiProperty({ type: 'integer', description: 'pieces still picked for the load being prepared' })
  picked!: number;

  @ApiProperty({
    type: () => VoidedWeighingResponseDto,
    nullable: true,
    description: 'the load’s weighing, voided because the load was weighed before the piece came off; null when it was not weighed yet',
  })
  voidedWeighing!: VoidedWeighingResponseDto | null;
}
