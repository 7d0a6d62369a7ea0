import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { Actor, ActorRole } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../domain/receipt.decider';
import type { ReceiptCommand } from '../../domain/receipt.commands';
import type { CancellationPurpose } from '../../domain/receipt.events';
import type { CancellationApplication, ReceiptState } from '../../domain/receipt.state';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';

export interface CancellationApplicationOutcome {
  readonly status: ReceiptState['status'];
  readonly cancellationApplication: CancellationApplication | null;
  readonly version: number;
}

/**
 * The holder's application for cancellation (注销申请) on the receipt's own stream: applied and
 * withdrawn by the holder, rejected by the warehouse. Processing it is
 * ProcessCancellationCommandHandler (several streams at once).
 */
@Injectable()
export class CancellationApplicationCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  apply(receiptNumber: string, purpose: CancellationPurpose, caller: Caller, expectedVersion?: number): Promise<CancellationApplicationOutcome> {
    return this.handle(receiptNumber, caller, ['depositor'], (stamp) => ({ type: 'ApplyForCancellation', data: { ...stamp, purpose } }), expectedVersion);
  }

  withdraw(receiptNumber: string, caller: Caller, expectedVersion?: number): Promise<CancellationApplicationOutcome> {
    return this.handle(receiptNumber, caller, ['depositor'], (stamp) => ({ type: 'WithdrawCancellation', data: stamp }), expectedVersion);
  }

  reject(receiptNumber: string, reason: string, caller: Caller, expectedVersion?: number): Promise<CancellationApplicationOutcome> {
    return this.handle(receiptNumber, caller, ['clerk', 'manager'], (stamp) => ({ type: 'RejectCancellation', data: { ...stamp, reason } }), expectedVersion);
  }

  private async handle(
    receiptNumber: string,
    caller: Caller,
    roles: readonly ActorRole[],
    command: (stamp: { actor: Actor; at: string }) => ReceiptCommand,
    expectedVersion: number | undefined,
  ): Promise<CancellationApplicationOutcome> {
    const { actor, at, metadata } = commandContextOf(caller, roles, this.clock);
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: command({ actor, at }),
        metadata,
        expectedVersion,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      }),
    );
    return { status: handled.state.status, cancellationApplication: handled.state.cancellationApplication, version: handled.version };
  }
}
