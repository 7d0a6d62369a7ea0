import { ApiProperty } from '@nestjs/swagger';
import { ActorResponseDto } from '../../../common/http/receipt-parts.response.dto';

/** One entry of a transfer request that did not match the record. */
export class TitleMismatchResponseDto {
  @ApiProperty({ enum: ['holderName', 'storageCard', 'commodity'], description: 'the title field that did not match' })
  field!: string;

  @ApiProperty({ type: String, description: 'what the holder entered' })
  entered!: string;

  @ApiProperty({ type: String, description: 'what the receipt records' })
  recorded!: string;
}

/** An error-proofing alarm: a refused transfer whose entries did not match the record. */
export class TransferAlarmItemResponseDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'the alarm' })
  alarmId!: string;

  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt the transfer named' })
  receiptNumber!: string;

  @ApiProperty({ type: String, description: 'the refused transfer' })
  transferId!: string;

  @ApiProperty({ type: () => TitleMismatchResponseDto, isArray: true, description: 'every entry that did not match' })
  mismatches!: TitleMismatchResponseDto[];

  @ApiProperty({ type: () => ActorResponseDto, description: 'who requested the transfer' })
  raisedBy!: ActorResponseDto;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was raised' })
  raisedAt!: string;
}
