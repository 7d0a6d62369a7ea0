import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { LotOperations } from '../../lot-operations';

/** Closes a lot's tally, under its order's unload_tally step. */
@Injectable()
export class FinishTallyCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, caller: Caller) {
    return this.lots.onLot(lotId, 'receive', 'unload_tally', caller, (_lot, acting) => ({
      type: 'FinishTally',
      data: { lotId, actor: acting.actor.subject, at: acting.at },
    }));
  }
}
