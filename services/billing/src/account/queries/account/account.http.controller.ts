import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { EventStore, loadAggregate } from '@dw/event-store';
import { assertOwnParty, CurrentPrincipal, Roles, setETag, type Principal } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { accountNotFound } from '../../commands/account-commands';
import { withdrawalView } from '../../commands/withdrawal-view';
import { accountDecider } from '../../domain/account.decider';
import { figuresOf } from '../../domain/account.state';
import { AccountResponseDto } from './account.response.dto';

/** A party's account, read from its stream: staff read every one, a depositor its own only (another's answers as a missing one). */
@Controller()
@Roles('manager', 'clerk', 'depositor')
export class AccountHttpController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  @Get('accounts/:partyId')
  @ApiOkResponse({ type: AccountResponseDto, description: 'the account’s balances, paid-through dates and withdrawals; its stream version is the ETag' })
  async account(
    @Param('partyId') partyId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<AccountResponseDto> {
    assertOwnParty(principal, partyId, () => accountNotFound(partyId));
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, streams.account(partyId).streamId, accountDecider));
    if (version === 0) throw accountNotFound(partyId);
    setETag(response, version);
    return {
      partyId,
      ...figuresOf(state),
      paidThrough: Object.entries(state.paidThrough)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([receiptNumber, paidThrough]) => ({ receiptNumber, paidThrough })),
      withdrawals: Object.keys(state.withdrawals).map((withdrawalId) => withdrawalView(partyId, state, withdrawalId)),
    };
  }
}
