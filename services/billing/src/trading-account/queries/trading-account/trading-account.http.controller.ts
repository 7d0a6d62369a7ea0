import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { EventStore, loadAggregate } from '@dw/event-store';
import { type Clock, type LocalDate, refuse, shanghaiDateOf } from '@dw/kernel';
import { assertOwnParty, CLOCK, CurrentPrincipal, Roles, setETag, type Principal } from '@dw/platform';
import { tradingAccountDecider } from '../../domain/trading-account.decider';
import { feesPayableOn, type TradingAccountState } from '../../domain/trading-account.state';
import { withdrawableOf } from '../../domain/trading-money';
import { tradingStreams } from '../../trading-streams';
import { TradingAccountResponseDto } from './trading-account.response.dto';

export const tradingAccountNotFound = (partyId: string) => refuse.notFound('TRADING_ACCOUNT_NOT_FOUND', `no trading account of ${partyId}`, { partyId });

/** A trader's trading account from its stream: staff read every one, a trader its own only (another's answers as a missing one). */
@Controller()
@Roles('manager', 'clerk', 'depositor')
export class TradingAccountHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('trading-accounts/:partyId')
  @ApiOkResponse({
    type: TradingAccountResponseDto,
    description: 'the account’s balance, deposits withheld and what is withdrawable now; its stream version is the ETag',
  })
  async account(
    @Param('partyId') partyId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<TradingAccountResponseDto> {
    assertOwnParty(principal, partyId, () => tradingAccountNotFound(partyId));
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, tradingStreams.account(partyId).streamId, tradingAccountDecider));
    if (state.status === 'none') throw tradingAccountNotFound(partyId);
    setETag(response, version);
    return tradingAccountView(partyId, state, shanghaiDateOf(this.clock.now()));
  }
}

/** The account as answered; nothing is withdrawable while the exchange has frozen withdrawals. */
export function tradingAccountView(partyId: string, state: TradingAccountState, today: LocalDate): TradingAccountResponseDto {
  return {
    partyId,
    accountNumber: state.accountNumber ?? '',
    name: state.name,
    status: state.status === 'closed' ? 'closed' : 'open',
    tradingSuspended: state.tradingSuspended,
    withdrawalsFrozen: state.withdrawalsFrozen,
    bankAccount: state.bankAccount,
    balanceFen: state.balanceFen,
    invoiceDepositsHeldFen: state.invoiceDepositsHeldFen,
    inTransitFen: state.inTransitFen,
    withdrawableFen: state.withdrawalsFrozen ? 0 : withdrawableOf(state.balanceFen, feesPayableOn(state, today)),
  };
}
