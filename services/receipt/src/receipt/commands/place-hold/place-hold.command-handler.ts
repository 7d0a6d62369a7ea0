import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import { refuse, type Clock, type IdGenerator } from '@dw/kernel';
import { CLOCK, ID_GENERATOR, IntegrationClientDirectory } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { metadataOf, type Caller } from '../../../common/http/caller';
import { nowOf } from '../../../common/http/clock-instant';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../domain/receipt.decider';
import type { Beneficiary, HoldKind } from '../../domain/receipt.hold';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';

export interface HoldRequest {
  readonly kind: HoldKind;
  readonly beneficiary: Beneficiary;
  readonly reason: string;
}

/** Places a pledge (by the holder, for a bank), a freeze (exchange or court) or a delivery hold (exchange); the hold id is allotted here. */
@Injectable()
export class PlaceHoldCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IntegrationClientDirectory) private readonly clients: IntegrationClientDirectory,
  ) {}

  /**
   * The bank a holder pledges to, as the warehouse knows it (rule RCPT-PLEDGE-CONNECTED-BANK):
   * one of its integration clients with role bank, since only it can ever release the pledge,
   * under its registered name. A name the depositor typed must be that name, so a pledge never
   * carries a bank name the bank does not go by.
   */
  pledgeeBank(requested: { partyId: string; name?: string }): Beneficiary {
    const client = this.clients.find(requested.partyId);
    if (client?.role !== 'bank') {
      throw refuse.invalid('UNKNOWN_PLEDGEE_BANK', `${requested.partyId} is not a bank connected to the warehouse`, 'bank.partyId', {
        partyId: requested.partyId,
      });
    }
    const registeredName = client.name ?? client.id;
    if (requested.name !== undefined && requested.name.trim() !== registeredName) {
      throw refuse.invalid('PLEDGEE_BANK_NAME_MISMATCH', `bank ${client.id} is registered as ${registeredName}`, 'bank.name', {
        partyId: client.id,
        registeredName,
      });
    }
    return { kind: 'bank', partyId: client.id, name: registeredName };
  }

  async execute(
    receiptNumber: string,
    hold: HoldRequest,
    actor: Actor,
    caller: Caller,
    expectedVersion?: number,
  ): Promise<{ holdId: string; version: number }> {
    const holdId = this.ids.next();
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: { type: 'PlaceHold', data: { holdId, ...hold, actor, at: nowOf(this.clock) } },
        metadata: metadataOf(caller, actor),
        expectedVersion,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      }),
    );
    return { holdId, version: handled.version };
  }
}
