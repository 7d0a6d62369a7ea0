import { Injectable } from '@nestjs/common';
import type { Principal } from '@dw/platform';
import { LotOperations } from '../../lot-operations';

/** Closes a lot's tally, under its order's unload_tally step. */
@Injectable()
export class FinishTallyCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, principal: Principal) {
    return this.lots.onLot(lotId, 'receive', 'unload_tally', principal, (_lot, acting) => ({
      type: 'FinishTally',
      data: { lotId, actor: acting.actor, at: acting.at },
    }));
  }
}
