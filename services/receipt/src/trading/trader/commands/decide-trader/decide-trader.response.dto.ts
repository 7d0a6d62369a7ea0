import { ApiProperty } from '@nestjs/swagger';

export const TRADER_STATUSES = ['applied', 'approved', 'rejected', 'suspended', 'closed'];

export class TraderDecisionResponseDto {
  @ApiProperty({ type: String, example: 'P-0001', description: 'the trader’s party' })
  partyId!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'its trading account number: the storage card number it named (第十条)' })
  accountNumber!: string;

  @ApiProperty({ enum: TRADER_STATUSES, description: 'the trader’s status after the request' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'the trader stream’s version, also its ETag' })
  version!: number;
}
