import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { LotOperations } from '../../lot-operations';

/** Closes a lot's weighing, under its order's weigh step. */
@Injectable()
export class FinishWeighingCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, caller: Caller) {
    return this.lots.onLot(lotId, 'weigh', 'weigh', caller, (_lot, acting) => ({
      type: 'FinishWeighing',
      data: { lotId, actor: acting.actor.subject, at: acting.at },
    }));
  }
}
