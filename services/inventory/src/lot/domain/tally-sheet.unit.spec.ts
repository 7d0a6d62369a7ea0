import { foldEvents } from '@dw/kernel';
import { lotDecider } from './lot.decider';
import { tallySheetOf } from './tally-sheet';
import { putAwayEvent, tallied, weighedEvent } from './lot.test-fixtures';

describe('tallySheetOf', () => {
  it('lists every scanned piece in scan order with its weight and place once known', () => {
    const state = foldEvents(lotDecider, [...tallied, weighedEvent('B1', 2_010), weighedEvent('B3', 1_995), putAwayEvent('SHED1-R01-S01', ['B1'])]);
    if (state.status === 'none') throw new Error('lot missing');
    const sheet = tallySheetOf(state);
    expect(sheet.lines.map((l) => [l.line, l.barcode, l.productionDate, l.netKg, l.locationId])).toEqual([
      [1, 'B1', '2025-02-20', 2_010, 'SHED1-R01-S01'],
      [2, 'B2', '2025-02-21', null, null],
      [3, 'B3', '2025-02-21', 1_995, null],
    ]);
    // 2,010 + 1,995 = 4,005 kg over the 2 pieces weighed so far
    expect(sheet.totals).toEqual({ pieces: 3, weighedPieces: 2, netKg: 4_005 });
    expect(sheet.commodity).toBe('螺纹钢 HRB400E Φ20 沙钢');
  });
});
