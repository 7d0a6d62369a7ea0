import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import type { WeighingReading } from '../../domain/weighing';
import { LotOperations } from '../../lot-operations';

/** A weight typed by hand: accepted only where the order's workflow does not demand a scale reading. */
@Injectable()
export class RecordManualWeighingCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, reading: Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>, caller: Caller) {
    const typed: WeighingReading = { ...reading, source: 'manual', scaleId: null, deviceVerified: false };
    return this.lots.onLot(
      lotId,
      'weigh',
      'weigh',
      caller,
      (_lot, acting) => ({ type: 'RecordWeighing', data: { lotId, reading: typed, actor: acting.actor.subject, at: acting.at } }),
      reading.readingId,
    );
  }
}
