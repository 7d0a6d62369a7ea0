import { ApiProperty } from '@nestjs/swagger';

const CARD_STATUSES = ['applied', 'approved', 'rejected', 'suspended', 'closed'];
const STATUS_DESCRIPTION = 'applied, approved (may hold and receive receipts), rejected, suspended or closed';

/** What every answer about a card says of it. */
class StorageCardFieldsResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the card number (存储卡号)' })
  cardNumber!: string;

  @ApiProperty({ type: String, description: 'the depositor party that owns the card' })
  ownerPartyId!: string;

  @ApiProperty({ type: String, example: '上海恒达钢铁贸易有限公司', description: 'the name on the card' })
  holderName!: string;

  @ApiProperty({ enum: CARD_STATUSES, description: STATUS_DESCRIPTION })
  status!: string;
}

/** A card as the list shows it. */
export class StorageCardItemResponseDto extends StorageCardFieldsResponseDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the reason given with the last decision (reject, suspend, close); null when the last change gave none (applied, approved, reinstated)',
  })
  lastReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was applied for' })
  appliedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it last changed' })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', description: 'the card’s version' })
  version!: number;
}

/** A card as its stream has it now. */
export class StorageCardResponseDto extends StorageCardFieldsResponseDto {
  @ApiProperty({ type: 'integer', description: 'the card’s version, also its ETag' })
  version!: number;
}
