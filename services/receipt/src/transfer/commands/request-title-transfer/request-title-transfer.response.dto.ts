import { ApiProperty } from '@nestjs/swagger';

export class TransferredReceiptResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'a receipt transferred' })
  receiptNumber!: string;

  @ApiProperty({ type: 'integer', description: 'its version after the transfer, its new ETag' })
  version!: number;
}

export class RequestTitleTransferResponseDto {
  @ApiProperty({ type: String, description: 'the transfer (过户), all or nothing over its receipts' })
  transferId!: string;

  @ApiProperty({ type: String, example: 'SC000077', description: 'the buyer’s storage card, now holding title' })
  buyerCard!: string;

  @ApiProperty({ type: () => TransferredReceiptResponseDto, isArray: true, description: 'every receipt transferred, in the order of the request’s lines' })
  receipts!: TransferredReceiptResponseDto[];
}
