import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import type { WeighingReading } from '../../../lot/domain/weighing';
import type { Outbound } from '../../domain/outbound.state';
import { OutboundFloorWork } from '../../outbound-floor-work';

/** A reading as the caller gives it; where it came from (scale or hand) is the route's to say. */
export type LoadReading = Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>;

/** The picked load weighed, by the load-out scale or typed by hand: its net against the book weight of the same pieces. */
@Injectable()
export class WeighLoadCommandHandler {
  constructor(private readonly outbound: OutboundFloorWork) {}

  /** A reading the scale signed: the platform verified the device (rule INV-SCALE-ONLY-WEIGHTS). */
  recordScaleReading(orderId: string, reading: LoadReading, caller: Caller) {
    // rule INV-SCALE-ONLY-WEIGHTS
    return this.weigh(orderId, { ...reading, source: 'scale', scaleId: caller.principal.subject, deviceVerified: true }, caller);
  }

  /** A weight typed by hand: refused where the order's workflow demands a scale reading. */
  recordManualWeighing(orderId: string, reading: LoadReading, caller: Caller) {
    return this.weigh(orderId, { ...reading, source: 'manual', scaleId: null, deviceVerified: false }, caller);
  }

  private weigh(orderId: string, reading: WeighingReading, caller: Caller) {
    return this.outbound.onOrder(
      orderId,
      'weigh',
      caller,
      async (tx, acting) => {
        const handled = await this.outbound.decide(
          tx,
          orderId,
          { type: 'WeighLoad', data: { orderId, reading, actor: acting.actor.subject, at: acting.at } },
          acting,
        );
        const weighing = (handled.state as Outbound).weighing!;
        return {
          orderId,
          version: handled.version,
          loadNo: weighing.loadNo,
          pieces: weighing.barcodes.length,
          bookKg: weighing.bookKg,
          netKg: weighing.netKg,
          overShortKg: weighing.overShortKg,
        };
      },
      { subject: reading.readingId },
    );
  }
}
