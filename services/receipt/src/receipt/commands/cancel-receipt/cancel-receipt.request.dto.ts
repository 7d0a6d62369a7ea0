import { IsIn } from 'class-validator';

export class CancelReceiptRequestDto {
  /** pickup: take the goods out under the receipt; spot-conversion: the goods become spot goods (the only way out once expired). */
  @IsIn(['pickup', 'spot-conversion'])
  purpose!: 'pickup' | 'spot-conversion';
}
