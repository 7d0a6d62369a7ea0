import { Injectable } from '@nestjs/common';
import type { Principal } from '@dw/platform';
import type { WeighingReading } from '../../domain/weighing';
import { LotOperations } from '../../lot-operations';

/** A weight typed by hand: accepted only where the order's workflow does not demand a scale reading. */
@Injectable()
export class RecordManualWeighingCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, reading: Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>, principal: Principal) {
    const typed: WeighingReading = { ...reading, source: 'manual', scaleId: null, deviceVerified: false };
    return this.lots.onLot(
      lotId,
      'weigh',
      'weigh',
      principal,
      (_lot, acting) => ({ type: 'RecordWeighing', data: { lotId, reading: typed, actor: acting.actor, at: acting.at } }),
      reading.readingId,
    );
  }
}
