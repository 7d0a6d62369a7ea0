import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@dw/kernel';
import { CLOCK, type Caller, callerContextOf } from '@dw/platform';
import { StockDecisions } from '../../stock-decisions';

/** Releases a hold on behalf of `holder` (the party asking); refused unless it is the hold's holder. */
@Injectable()
export class ReleaseHoldCommandHandler {
  constructor(
    private readonly stock: StockDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(lotId: string, holdId: string, holder: string, caller: Caller) {
    const acting = callerContextOf(caller, this.clock);
    return this.stock.levelsAfter(lotId, acting, async () => ({
      type: 'ReleaseHold',
      data: { lotId, holdId, holder, actor: acting.actor.subject, at: acting.at },
    }));
  }
}
