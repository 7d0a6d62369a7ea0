import type { AccountState } from '../domain/account.state';
import type { WithdrawalResponseDto } from './withdrawal.response.dto';

export function withdrawalView(partyId: string, state: AccountState, withdrawalId: string): WithdrawalResponseDto {
  const { amountFen, status, payeeAccountName, payeeAccountNumber, payeeBank } = state.withdrawals[withdrawalId]!;
  return { withdrawalId, partyId, amountFen, status, payeeAccountName, payeeAccountNumber, payeeBank };
}
