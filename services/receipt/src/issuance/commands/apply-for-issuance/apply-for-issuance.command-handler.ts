import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock, IdGenerator } from '@dw/kernel';
import { CLOCK, ID_GENERATOR } from '@dw/platform';
import { businessDateOf } from '../../../common/domain/instant';
import { cardIn, lotIn, ruleIn } from '../../../common/events/load-streams';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { NumberAllocator } from '../../../common/numbering/number-allocator';
import { lotBackingDecider } from '../../../lot-backing/domain/lot-backing.decider';
import type { LotFacts } from '../../../lot-backing/domain/lot-facts';
import type { StorageCard } from '../../../storage-card/domain/storage-card';
import { issuanceDecider } from '../../domain/issuance.decider';
import { issuancePublicEvents } from '../../integration/issuance-events.mapper';
import type { ApplyForIssuanceRequestDto } from './apply-for-issuance.request.dto';

/**
 * The warehouse applies to issue receipts over available lots. In one transaction: the
 * application is decided against the lots' facts, the holder's card and the rules in force
 * today, and every lot is held for it on its own stream; a lot already held or backing a live
 * receipt refuses the whole application (LOT_RESERVED_FOR_ANOTHER_APPLICATION,
 * LOT_ALREADY_BACKS_RECEIPT) and nothing is written.
 */
@Injectable()
export class ApplyForIssuanceCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(NumberAllocator) private readonly numbers: NumberAllocator,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(body: ApplyForIssuanceRequestDto, caller: Caller): Promise<{ applicationId: string; receiptNumbers: string[]; version: number }> {
    const { actor, metadata, at } = commandContextOf(caller, ['clerk', 'manager'], this.clock);
    const applicationId = this.ids.next();
    const receiptNumbers = await this.numbers.receiptNumbers(body.receipts.length);
    const handled = await this.store.transaction(async (tx) => {
      const lots: { receipt: number; lot: LotFacts; version: number }[] = [];
      for (const [i, receipt] of body.receipts.entries()) {
        for (const [j, lotId] of receipt.lotIds.entries()) lots.push({ receipt: i, ...(await lotIn(tx, lotId, `receipts[${i}].lotIds[${j}]`)) });
      }
      const decided = await handleCommandIn(tx, {
        ...streams.issuance(applicationId),
        decider: issuanceDecider,
        command: {
          type: 'ApplyForIssuance',
          data: {
            applicationId,
            warehouseId: body.warehouseId,
            commodity: body.commodity,
            brand: body.brand,
            grade: body.grade,
            // An unknown card is refused by the decider (CARD_NOT_FOUND).
            holderCard: (await cardIn(tx, body.holderCard)) as StorageCard,
            receipts: body.receipts.map((_receipt, i) => ({
              receiptNumber: receiptNumbers[i]!,
              lots: lots.filter((lot) => lot.receipt === i).map((lot) => lot.lot),
            })),
            storageFeesPaidThrough: body.storageFeesPaidThrough,
            rule: await ruleIn(tx, body.commodity, businessDateOf(at)),
            actor,
            at,
          },
        },
        metadata,
        outboxFor: this.outbox.of(issuanceDecider, issuancePublicEvents),
      });
      for (const { lot, version } of lots) {
        await handleCommandIn(tx, {
          ...streams.lot(lot.lotId),
          decider: lotBackingDecider,
          command: { type: 'ReserveLotForIssuance', data: { applicationId, actor, at } },
          metadata,
          expectedVersion: version,
        });
      }
      return decided;
    });
    return { applicationId, receiptNumbers, version: handled.version };
  }
}
