import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@dw/event-store';
import { refuse, type Clock } from '@dw/kernel';
import { assertOwnParty, CLOCK, type Caller, callerContextOf } from '@dw/platform';
import type { ActorRole } from '../../common/domain/actor';
import type { AccountCommand, AccountActor } from '../domain/account.commands';
import type { AccountState } from '../domain/account.state';
import { AccountOutbox } from '../integration/account-outbox';
import { decideOnAccount } from './decide-on-account';

/** A depositor's question about another party's account answers as one about an account that does not exist. */
export const accountNotFound = (partyId: string) => refuse.notFound('ACCOUNT_NOT_FOUND', `no account for party ${partyId}`, { partyId });

/** Runs a person's command on a party's account in its own transaction, with the caller's actor and metadata. */
@Injectable()
export class AccountCommands {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(AccountOutbox) private readonly outbox: AccountOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    partyId: string,
    caller: Caller,
    allowed: readonly ActorRole[],
    command: (stamp: { actor: AccountActor; at: string }) => AccountCommand,
    expectedVersion?: number,
  ): Promise<{ state: AccountState; version: number }> {
    assertOwnParty(caller.principal, partyId, () => accountNotFound(partyId));
    const { actor, at, metadata } = callerContextOf(caller, this.clock, allowed);
    const handled = await this.store.transaction((tx) => decideOnAccount(tx, this.outbox, partyId, command({ actor, at }), metadata, expectedVersion));
    return { state: handled.state, version: handled.version };
  }
}
