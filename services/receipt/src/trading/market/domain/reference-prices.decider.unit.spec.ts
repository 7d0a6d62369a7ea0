import { localDate } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../../common/domain/actor';
import type { RecordReferencePrice, ReferencePriceEvent } from './reference-prices.decider';
import { referencePricesDecider } from './reference-prices.decider';

const at = '2026-02-27T08:00:00Z';
const system: Actor = { subject: 'service:receipt', role: 'system' };
const price = {
  commodity: 'rebar',
  tradingDay: '2026-02-27',
  contract: 'rb2605',
  fenPerTonne: 318_000,
  nearestMonth: true,
  publishedAt: '2026-02-27T07:30:00Z',
};
const record = (data: Partial<RecordReferencePrice['data']> = {}): RecordReferencePrice => ({
  type: 'RecordReferencePrice',
  data: { ...price, actor: system, at, ...data },
});
const recorded: ReferencePriceEvent = { type: 'ReferencePriceRecorded', data: { ...price, tradingDay: localDate('2026-02-27'), actor: system, at } };

const spec = deciderSpec(referencePricesDecider);

describe('reference prices decider', () => {
  it('records a settlement price once per commodity, day and contract: the same price again records nothing', () => {
    spec.given([]).when(record()).then([recorded]);
    spec.given([recorded]).when(record()).then([]);
  });

  it('records another contract of the same day, and a corrected price of the same contract', () => {
    spec
      .given([recorded])
      .when(record({ contract: 'rb2610', fenPerTonne: 321_000, nearestMonth: false }))
      .then([{ type: 'ReferencePriceRecorded', data: { ...recorded.data, contract: 'rb2610', fenPerTonne: 321_000, nearestMonth: false } }]);
    spec
      .given([recorded])
      .when(record({ fenPerTonne: 318_100 }))
      .then([{ type: 'ReferencePriceRecorded', data: { ...recorded.data, fenPerTonne: 318_100 } }]);
  });

  it('refuses a message without a valid day, a price of 0 or a malformed contract', () => {
    spec
      .given([])
      .when(record({ tradingDay: '' }))
      .thenRefusedWith('INVALID_DATE');
    spec
      .given([])
      .when(record({ fenPerTonne: 0 }))
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    spec
      .given([])
      .when(record({ contract: 'x' }))
      .thenRefusedWith('CONTRACT_CODE_INVALID');
  });
});
