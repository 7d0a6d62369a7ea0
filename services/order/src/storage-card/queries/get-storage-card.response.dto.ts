import { ApiProperty } from '@nestjs/swagger';
import { STORAGE_CARD_STATUSES } from '../domain/storage-card.events';

/** The order desk’s copy of a storage card, as the receipt service last published it. */
export class StorageCardResponseDto {
  @ApiProperty({ type: String, example: 'SC000042', description: 'the card number (存储卡号)' })
  cardNumber!: string;

  @ApiProperty({ type: String, description: 'the depositor party the card belongs to: the party of orders drafted on it' })
  party!: string;

  @ApiProperty({ type: String, example: '上海恒达钢铁贸易有限公司', description: 'the name on the card' })
  holderName!: string;

  @ApiProperty({ enum: STORAGE_CARD_STATUSES, description: 'the card’s status; the desk drafts orders on approved cards only' })
  status!: string;
}
