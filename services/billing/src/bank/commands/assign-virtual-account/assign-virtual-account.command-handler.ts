import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { CLOCK, IntegrationClientDirectory, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { virtualAccountsDecider } from '../../domain/virtual-accounts.decider';
import type { AssignVirtualAccountRequestDto } from './assign-virtual-account.request.dto';
import type { VirtualAccountResponseDto } from './assign-virtual-account.response.dto';

/** A manager gives a depositor party its virtual account at a connected bank. */
@Injectable()
export class AssignVirtualAccountCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IntegrationClientDirectory) private readonly clients: IntegrationClientDirectory,
  ) {}

  async execute(body: AssignVirtualAccountRequestDto, caller: Caller): Promise<VirtualAccountResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['manager']);
    // A number at a bank we have no direct connection with could never be notified to us.
    if (this.clients.find(body.bankId)?.role !== 'bank') {
      throw refuse.invalid('UNKNOWN_BANK', `${body.bankId} is not a connected bank`, 'bankId', { bankId: body.bankId });
    }
    // Assignments at one bank commute (each takes the next number), so a concurrent one is retried on the fresh stream.
    const handled = await handleCommand(this.store, {
      ...streams.virtualAccounts(body.bankId),
      decider: virtualAccountsDecider,
      command: { type: 'AssignVirtualAccount', data: { bankId: body.bankId, partyId: body.partyId, actor, at } },
      metadata,
      retriesOnConflict: 5,
    });
    return { partyId: body.partyId, bankId: body.bankId, virtualAccount: handled.state.byParty[body.partyId]! };
  }
}
