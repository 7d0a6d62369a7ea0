import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import type { WeighingReading } from '../../domain/weighing';
import { LotOperations } from '../../lot-operations';

/** A reading a scale signed: the platform verified the device, so it counts as a verified scale reading. */
@Injectable()
export class RecordScaleReadingCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, reading: Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>, caller: Caller) {
    // rule INV-SCALE-ONLY-WEIGHTS
    const signed: WeighingReading = { ...reading, source: 'scale', scaleId: caller.principal.subject, deviceVerified: true };
    return this.lots.onLot(
      lotId,
      'weigh',
      'weigh',
      caller,
      (_lot, acting) => ({ type: 'RecordWeighing', data: { lotId, reading: signed, actor: acting.actor.subject, at: acting.at } }),
      reading.readingId,
    );
  }
}
