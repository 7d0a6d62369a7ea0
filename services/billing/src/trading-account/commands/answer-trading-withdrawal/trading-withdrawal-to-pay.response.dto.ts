import { ApiProperty } from '@nestjs/swagger';
import { BankSettlementAccountDto } from '../../queries/trading-account/trading-account.response.dto';

/** An approved trading withdrawal for the depository bank to pay. */
export class TradingWithdrawalToPayResponseDto {
  @ApiProperty({ type: String, description: 'the withdrawal: the bank answers under it' })
  withdrawalId!: string;

  @ApiProperty({ type: String, description: 'the trader’s trading account number' })
  accountNumber!: string;

  @ApiProperty({ type: 'integer', description: 'fen to pay' })
  amountFen!: number;

  @ApiProperty({ type: () => BankSettlementAccountDto, description: 'the trader’s bank settlement account on record when it was approved: the payee' })
  payee!: BankSettlementAccountDto;

  @ApiProperty({ type: String, format: 'date', description: 'the trading day it was approved in' })
  tradingDay!: string;
}
