import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import { LotOperations, type LotCommandData } from '../../lot-operations';

/** Records a lot's inspection under its order's inspect step; the report is the operation's subject. */
@Injectable()
export class RecordInspectionCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, inspection: LotCommandData<'RecordInspection'>, caller: Caller) {
    return this.lots.onLot(
      lotId,
      'inspect',
      'inspect',
      caller,
      (_lot, acting) => ({ type: 'RecordInspection', data: { ...inspection, lotId, actor: acting.actor.subject, at: acting.at } }),
      inspection.reportRef,
    );
  }
}
