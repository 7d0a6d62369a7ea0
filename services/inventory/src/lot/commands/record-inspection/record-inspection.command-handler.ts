import { Injectable } from '@nestjs/common';
import type { Principal } from '@dw/platform';
import { LotOperations, type LotCommandData } from '../../lot-operations';

/** Records a lot's inspection under its order's inspect step; the report is the operation's subject. */
@Injectable()
export class RecordInspectionCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  execute(lotId: string, inspection: LotCommandData<'RecordInspection'>, principal: Principal) {
    return this.lots.onLot(
      lotId,
      'inspect',
      'inspect',
      principal,
      (_lot, acting) => ({ type: 'RecordInspection', data: { ...inspection, lotId, actor: acting.actor, at: acting.at } }),
      inspection.reportRef,
    );
  }
}
