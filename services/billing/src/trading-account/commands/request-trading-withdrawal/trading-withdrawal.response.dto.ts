import { ApiProperty } from '@nestjs/swagger';
import type { TradingAccountState } from '../../domain/trading-account.state';

/** A trading withdrawal and where it stands. */
export class TradingWithdrawalResponseDto {
  @ApiProperty({ type: String, description: 'the withdrawal' })
  withdrawalId!: string;

  @ApiProperty({ type: String, description: 'the trader' })
  partyId!: string;

  @ApiProperty({ type: 'integer', description: 'fen' })
  amountFen!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the trading day it is settled in' })
  tradingDay!: string;

  @ApiProperty({
    enum: ['approved', 'paid', 'returned'],
    description: 'approved (out of the balance, on its way to the bank settlement account), paid by the bank, or returned to the balance',
  })
  status!: 'approved' | 'paid' | 'returned';
}

export function tradingWithdrawalView(partyId: string, state: TradingAccountState, withdrawalId: string): TradingWithdrawalResponseDto {
  const { amountFen, tradingDay, status } = state.withdrawals[withdrawalId]!;
  return { withdrawalId, partyId, amountFen, tradingDay, status };
}
