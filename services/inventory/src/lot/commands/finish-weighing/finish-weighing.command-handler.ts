import { Injectable } from '@nestjs/common';
import type { Principal } from '@dw/platform';
import { LotOperations } from '../../lot-operations';

/** Closes a lot's weighing, under its order's weigh step. */
@Injectable()
export class FinishWeighingCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, principal: Principal) {
    return this.lots.onLot(lotId, 'weigh', 'weigh', principal, (_lot, acting) => ({
      type: 'FinishWeighing',
      data: { lotId, actor: acting.actor, at: acting.at },
    }));
  }
}
