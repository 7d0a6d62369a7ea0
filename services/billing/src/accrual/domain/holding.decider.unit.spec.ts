import { cnMainlandCalendar, foldEvents, type LocalDate } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { rateCardDecider, rateCardInForce, type RateCardState } from '../../rate-card/domain/rate-card.decider';
import { RateCardVersionPublished } from '../../rate-card/domain/rate-card.events';
import { d, defaultTerms } from '../../rate-card/domain/rate-card.fixtures.spec-helper';
import { RateCardTerms } from '../../rate-card/domain/rate-card.terms';
import { HoldingCommand } from './holding.commands';
import { holdingDecider, type HoldingState } from './holding.decider';
import { Fee, HoldingEvent } from './holding.events';
import { storageKindOf } from './lot-goods.decider';
import { settlementPricesDecider, type SettlementPriceEvent } from '../../settlement-price/domain/settlement-prices.decider';

/*
 * Rates (whole fen): the published default v1 from Tue 2026-09-01 charges rebar in a shed
 * 15 fen/t/day and transfers 50 fen/t; v2, published ahead to take effect on Mon 2026-11-16 (a
 * trading day), charges 18 fen/t/day. Party B's contract v1 from 2026-09-01 charges 20 fen/t/day
 * and the default's movement rates. Party A has no contract.
 * Receipt WR-1: 33 333 kg of rebar in a shed, so one day costs
 *   15 fen: 15 × 33 333 / 1000 = 499.995 → 500 fen
 *   18 fen: 18 × 33 333 / 1000 = 599.994 → 600 fen
 *   20 fen: 20 × 33 333 / 1000 = 666.66  → 667 fen
 * and a transfer 50 × 33 333 / 1000 = 1 666.65 → 1 667 fen.
 */
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const published = (partyId: string | null, version: number, effectiveFrom: string, terms: RateCardTerms): RateCardVersionPublished => ({
  type: 'RateCardVersionPublished',
  data: { partyId, version, effectiveFrom: d(effectiveFrom), terms, actor: manager, at: '2026-08-03T02:00:00Z' },
});
const withShedRate = (fenPerTonneDay: number): RateCardTerms => ({ ...defaultTerms, storage: [{ storageKind: 'shed', commodity: 'rebar', fenPerTonneDay }] });
const publishedDefault = foldEvents(rateCardDecider, [published(null, 1, '2026-09-01', defaultTerms), published(null, 2, '2026-11-16', withShedRate(18))]);
const contracts: Record<string, RateCardState> = { 'P-B': foldEvents(rateCardDecider, [published('P-B', 1, '2026-09-01', withShedRate(20))]) };
const rateCardOf = (partyId: string, day: LocalDate) => rateCardInForce(contracts[partyId] ?? { versions: [] }, publishedDefault, day);
const pricing = { rateCardOf, calendar: cnMainlandCalendar, at: '2026-11-20T01:00:00Z' };

const noPrices = settlementPricesDecider.initialState();
const thing = { kind: 'receipt' as const, id: 'WR-1' };
const goods = { commodity: 'rebar', storageKind: 'shed' as const, weightKg: 33_333 };
const open = (on: string, holderPartyId = 'P-A'): HoldingCommand => ({
  type: 'OpenHolding',
  data: { ...pricing, thing, goods, holderPartyId, on, cause: 'issued:WR-1', chargeLoadIn: false },
});
const transfer = (on: string, transferId = 'T-1', toPartyId = 'P-B'): HoldingCommand => ({
  type: 'TransferHolding',
  data: { ...pricing, transferId, toPartyId, on },
});
const cancel = (on: string): HoldingCommand => ({ type: 'ChangeHolder', data: { ...pricing, holderPartyId: null, on, cause: 'cancelled:WR-1' } });
const close = (through: string): HoldingCommand => ({ type: 'CloseStorage', data: { ...pricing, through } });

/** Runs commands in order, returning every event and the state after them. */
function run(commands: readonly HoldingCommand[], given: readonly HoldingEvent[] = []): { events: HoldingEvent[]; state: HoldingState } {
  let state = foldEvents(holdingDecider, given);
  const events: HoldingEvent[] = [];
  for (const command of commands) {
    const decided = holdingDecider.decide(command, state);
    events.push(...decided);
    state = foldEvents(holdingDecider, decided, state);
  }
  return { events, state };
}
const accrued = (events: readonly HoldingEvent[]) => events.flatMap((event) => (event.type === 'FeeAccrued' ? [event.data] : []));
const standing = (state: HoldingState): Fee[] => Object.values(state.storage);
const sum = (fees: readonly { amountFen: number }[]) => fees.reduce((total, fee) => total + fee.amountFen, 0);
const ofParty = (fees: readonly Fee[], partyId: string) => fees.filter((fee) => fee.partyId === partyId);

describe('holding timeline: storage and transfer fees from receipt facts', () => {
  it('charges a receipt held by A for 10 days, transferred to B, held 5 days and cancelled, storage to each holder and the transfer fee to B', () => {
    // A holds Mon 11-02 … Wed 11-11 (10 days at the default 15 fen: 10 × 500 = 5 000 fen). B buys
    // on Thu 11-12 and holds 11-12 … Mon 11-16 (5 days at B’s contract 20 fen: 5 × 667 = 3 335
    // fen); the receipt is cancelled on Tue 11-17, a day nobody holds. Transfer fee to B: 1 667 fen.
    const { events, state } = run([
      open('2026-11-02'),
      close('2026-11-11'),
      transfer('2026-11-12'),
      close('2026-11-16'),
      cancel('2026-11-17'),
      close('2026-11-20'),
    ]);
    const fees = accrued(events);
    expect(ofParty(fees, 'P-A').map((fee) => fee.serviceDate)).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
    ]);
    expect(sum(ofParty(fees, 'P-A'))).toBe(5_000);
    const ofB = ofParty(fees, 'P-B');
    expect(ofB.filter((fee) => fee.item === 'storage').map((fee) => [fee.serviceDate, fee.amountFen, fee.rateSource])).toEqual([
      ['2026-11-12', 667, 'contract'],
      ['2026-11-13', 667, 'contract'],
      ['2026-11-14', 667, 'contract'],
      ['2026-11-15', 667, 'contract'],
      ['2026-11-16', 667, 'contract'],
    ]);
    expect(ofB.filter((fee) => fee.item === 'transfer')).toEqual([
      expect.objectContaining({ feeId: 'transfer:T-1', serviceDate: '2026-11-12', weightKg: 33_333, rateFen: 50, amountFen: 1_667 }),
    ]);
    expect(sum(ofB)).toBe(3_335 + 1_667);
    expect(events.some((event) => event.type === 'FeeReversed')).toBe(false);
    expect(state.closedThrough).toBe('2026-11-20');
  });

  it('applies a rate change with a future effective date from that date only', () => {
    // A holds from Mon 11-09; the default’s v2 (18 fen) takes effect Mon 11-16. Closing through
    // Wed 11-18: 11-09 … 11-15 are 7 days at 15 fen (7 × 500 = 3 500 fen), 11-16 … 11-18 are 3
    // days at 18 fen (3 × 600 = 1 800 fen): 5 300 fen in all.
    const fees = accrued(run([open('2026-11-09'), close('2026-11-18')]).events);
    expect(fees.map((fee) => `${fee.serviceDate} v${fee.rateVersion} ${fee.rateFen} ${fee.amountFen}`)).toEqual([
      '2026-11-09 v1 15 500',
      '2026-11-10 v1 15 500',
      '2026-11-11 v1 15 500',
      '2026-11-12 v1 15 500',
      '2026-11-13 v1 15 500',
      '2026-11-14 v1 15 500',
      '2026-11-15 v1 15 500',
      '2026-11-16 v2 18 600',
      '2026-11-17 v2 18 600',
      '2026-11-18 v2 18 600',
    ]);
    expect(sum(fees)).toBe(5_300);
  });

  it('charges the National Day holiday 2026 on Wednesday 30 September with that day’s close', () => {
    // A holds from Mon 09-28. Close of 09-29: 09-28 and 09-29, 2 × 500 = 1 000 fen. Close of Wed
    // 09-30, the last trading day before the holiday 10-01 … 10-07: 09-30 and the seven holiday
    // days, 8 × 500 = 4 000 fen, all charged on 09-30. The closes of the holiday days charge
    // nothing more; the close of Thu 10-08 charges 10-08 alone (500 fen).
    const first = run([open('2026-09-28'), close('2026-09-29')]);
    expect(sum(accrued(first.events))).toBe(1_000);
    const onThirtieth = run([close('2026-09-30')], first.events);
    expect(accrued(onThirtieth.events).map((fee) => `${fee.serviceDate} on ${fee.chargedOn} ${fee.amountFen}`)).toEqual([
      '2026-09-30 on 2026-09-30 500',
      '2026-10-01 on 2026-09-30 500',
      '2026-10-02 on 2026-09-30 500',
      '2026-10-03 on 2026-09-30 500',
      '2026-10-04 on 2026-09-30 500',
      '2026-10-05 on 2026-09-30 500',
      '2026-10-06 on 2026-09-30 500',
      '2026-10-07 on 2026-09-30 500',
    ]);
    expect(sum(accrued(onThirtieth.events))).toBe(4_000);
    const holiday = run([close('2026-10-03'), close('2026-10-07')], [...first.events, ...onThirtieth.events]);
    expect(accrued(holiday.events)).toEqual([]);
    const eighth = run([close('2026-10-08')], [...first.events, ...onThirtieth.events, ...holiday.events]);
    expect(accrued(eighth.events).map((fee) => `${fee.serviceDate} on ${fee.chargedOn} ${fee.amountFen}`)).toEqual(['2026-10-08 on 2026-10-08 500']);
  });

  it('corrects storage already charged when a transfer arrives after its days were closed', () => {
    // The day closes ran through Sat 11-14 with A holding: 11-10 … 11-14 charged to A, 5 × 500.
    // Then the transfer to B dated Thu 11-12 arrives: 11-12, 11-13 and 11-14 were B’s (the buyer
    // bears the transfer day); each of A’s three is reversed in full (3 × 500 = 1 500 fen) and
    // charged to B at B’s contract, 3 × 667 = 2 001 fen, under new fee ids; the transfer fee is 1 667.
    const before = run([open('2026-11-10'), close('2026-11-14')]);
    expect(sum(accrued(before.events))).toBe(2_500);
    const late = run([transfer('2026-11-12')], before.events);
    const reversed = late.events.flatMap((event) => (event.type === 'FeeReversed' ? [event.data] : []));
    expect(reversed.map((fee) => [fee.feeId, fee.partyId, fee.amountFen])).toEqual([
      ['storage:WR-1:2026-11-12', 'P-A', 500],
      ['storage:WR-1:2026-11-13', 'P-A', 500],
      ['storage:WR-1:2026-11-14', 'P-A', 500],
    ]);
    expect(accrued(late.events).map((fee) => [fee.feeId, fee.partyId, fee.amountFen])).toEqual([
      ['transfer:T-1', 'P-B', 1_667],
      ['storage:WR-1:2026-11-12:2', 'P-B', 667],
      ['storage:WR-1:2026-11-13:2', 'P-B', 667],
      ['storage:WR-1:2026-11-14:2', 'P-B', 667],
    ]);
    // What stands afterwards: A 11-10 and 11-11 (1 000 fen), B 11-12 … 11-14 (2 001 fen).
    expect(sum(ofParty(standing(late.state), 'P-A'))).toBe(1_000);
    expect(sum(ofParty(standing(late.state), 'P-B'))).toBe(2_001);
    // A cancellation dated Fri 11-13 arriving late too leaves 11-13 and 11-14 nobody’s: both reversed, nothing new.
    const cancelled = run([cancel('2026-11-13')], [...before.events, ...late.events]);
    expect(cancelled.events.flatMap((event) => (event.type === 'FeeReversed' ? [event.data.feeId] : []))).toEqual([
      'storage:WR-1:2026-11-13:2',
      'storage:WR-1:2026-11-14:2',
    ]);
    expect(accrued(cancelled.events)).toEqual([]);
  });

  it('never charges a replayed fact or a repeated day close twice', () => {
    const { events } = run([open('2026-11-02'), close('2026-11-03'), transfer('2026-11-04')]);
    const spec = deciderSpec(holdingDecider);
    spec.given(events).when(open('2026-11-02')).then([]);
    spec.given(events).when(transfer('2026-11-04')).then([]);
    spec.given(events).when(close('2026-11-03')).then([]);
    spec.given(events).when(close('2026-11-02')).then([]);
    spec.given([]).when(transfer('2026-11-04')).thenRefusedWith('HOLDING_NOT_OPEN');
  });
});

describe('storage kind from where the goods lie', () => {
  it('prices a lot or receipt by the one kind of area its goods lie in, and refuses a mix or none', () => {
    expect(storageKindOf(['shed', 'shed'], 'lot L-1')).toBe('shed');
    expect(storageKindOf(['yard'], 'lot L-2')).toBe('yard');
    expect(refusalOf(() => storageKindOf(['shed', 'yard'], 'receipt WR-1')).code).toBe('STORAGE_KIND_UNKNOWN');
    expect(refusalOf(() => storageKindOf([''], 'lot L-3')).code).toBe('STORAGE_KIND_UNKNOWN');
    expect(refusalOf(() => storageKindOf([], 'lot L-4')).field).toBe('areaKind');
  });
});

describe('lots no receipt backs: load-in, storage to the owner, load-out to the holder', () => {
  it('charges a lot’s load-in to its owner, its storage while no receipt stands for it, and the load-out to its holder at load-out', () => {
    // Lot L-9, 33 333 kg of rebar in a shed, received for A on Mon 11-02: load-in 300 fen/t ×
    // 33.333 t = 9 999.9 → 10 000 fen. A receipt is issued over it on Wed 11-04 (the lot is
    // nobody's from then: the receipt is charged instead) and cancelled to B on Mon 11-09; B's
    // collector takes it on Wed 11-11. Lot storage: A 11-02 and 11-03 (2 × 500 = 1 000 fen);
    // B 11-09 and 11-10 at its contract (2 × 667 = 1 334 fen); load-out by self-collect 250 fen/t
    // × 33.333 t = 8 333.25 → 8 333 fen to B.
    const lot = { kind: 'lot' as const, id: 'L-9' };
    const holder = (holderPartyId: string | null, on: string, cause: string): HoldingCommand => ({
      type: 'ChangeHolder',
      data: { ...pricing, holderPartyId, on, cause },
    });
    const { events } = run([
      { type: 'OpenHolding', data: { ...pricing, thing: lot, goods, holderPartyId: 'P-A', on: '2026-11-02', cause: 'received:L-9', chargeLoadIn: true } },
      holder(null, '2026-11-04', 'receipt:WR-9'),
      holder('P-B', '2026-11-09', 'entitled:E-9'),
      {
        type: 'ChargeLoadOut',
        data: { ...pricing, shipmentId: 'L-9:NOTE-1', method: 'self_collect', weightKg: 33_333, overShortKg: 0, settlementPrices: noPrices, on: '2026-11-11' },
      },
      holder(null, '2026-11-11', 'shipped:L-9'),
      close('2026-11-20'),
    ]);
    expect(accrued(events).map((fee) => [fee.feeId, fee.partyId, fee.amountFen])).toEqual([
      ['load_in:L-9', 'P-A', 10_000],
      ['load_out:L-9:NOTE-1', 'P-B', 8_333],
      ['storage:L-9:2026-11-02', 'P-A', 500],
      ['storage:L-9:2026-11-03', 'P-A', 500],
      ['storage:L-9:2026-11-09', 'P-B', 667],
      ['storage:L-9:2026-11-10', 'P-B', 667],
    ]);
    expect(accrued(events).every((fee) => fee.lotId === 'L-9' && fee.receiptNumber === null)).toBe(true);
  });
});

describe('over/short at load-out, settled at the exchange’s settlement price', () => {
  const lot = { kind: 'lot' as const, id: 'L-7' };
  const shfe: Actor = { subject: 'shfe', role: 'exchange' };
  const price = (tradingDay: string, fenPerTonne: number): SettlementPriceEvent => ({
    type: 'SettlementPricePublished',
    data: { commodity: 'rebar', tradingDay: tradingDay as LocalDate, contract: 'rb2701', fenPerTonne, actor: shfe, at: '2026-11-06T07:30:00Z' },
  });
  const prices = foldEvents(settlementPricesDecider, [
    price('2026-09-30', 362_000),
    price('2026-11-06', 365_000),
    price('2026-11-09', 365_100),
    price('2026-11-10', 999_000),
  ]);
  const received: HoldingCommand = {
    type: 'OpenHolding',
    data: { ...pricing, thing: lot, goods, holderPartyId: 'P-A', on: '2026-09-01', cause: 'received:L-7', chargeLoadIn: false },
  };
  const loadOut = (note: string, on: string, overShortKg: number, settlementPrices = prices): HoldingCommand => ({
    type: 'ChargeLoadOut',
    data: { ...pricing, shipmentId: `L-7:${note}`, method: 'self_collect', weightKg: 10_000, overShortKg, settlementPrices, on },
  });
  const overShort = (events: readonly HoldingEvent[]) =>
    accrued(events).flatMap((fee) => (fee.item === 'over_short' ? [[fee.feeId, fee.partyId, fee.weightKg, fee.rateFen, fee.amountFen, fee.rateSource]] : []));

  it('settles a load-out’s over/short with the goods’ owner at the settlement price of the trading day before the load-out day', () => {
    // Short 120 kg, load-out Mon 11-09: the trading day before is Fri 11-06 (not the weekend, and
    // not 11-09’s own price): 3 650 yuan/t = 365 000 fen/t; 120 × 365 000 / 1000 = 43 800 fen,
    // the warehouse’s to pay: a credit of −43 800 fen to the owner A.
    const short = run([received, loadOut('N-1', '2026-11-09', -120)]);
    expect(overShort(short.events)).toEqual([['over_short:L-7:N-1', 'P-A', 120, 365_000, -43_800, 'settlement_price']]);
    // Over 5 kg, load-out Tue 11-10: the price of Mon 11-09, 3 651 yuan/t = 365 100 fen/t;
    // 5 × 365 100 / 1000 = 1 825.5 → 1 826 fen (half up, once), the owner’s to pay (11-10’s own 999 000 is not used).
    const over = run([received, loadOut('N-2', '2026-11-10', 5)]);
    expect(overShort(over.events)).toEqual([['over_short:L-7:N-2', 'P-A', 5, 365_100, 1_826, 'settlement_price']]);
    // Load-out Thu 10-08, the first trading day after National Day (10-01 … 10-07): the price of
    // Wed 09-30, 362 000 fen/t; over 37 kg: 37 × 362 000 / 1000 = 13 394 fen.
    const afterHoliday = run([received, loadOut('N-3', '2026-10-08', 37)]);
    expect(overShort(afterHoliday.events)).toEqual([['over_short:L-7:N-3', 'P-A', 37, 362_000, 13_394, 'settlement_price']]);
    // Weights that agree settle nothing but the load-out fee; a replayed load-out settles nothing again.
    const even = run([received, loadOut('N-4', '2026-11-09', 0)]);
    expect(accrued(even.events).map((fee) => fee.item)).toEqual(['load_out']);
    deciderSpec(holdingDecider)
      .given(short.events)
      .when(loadOut('N-1', '2026-11-09', -120))
      .then([]);
  });

  it('refuses to settle an over/short before the exchange has published the price it is settled at', () => {
    // Load-out Wed 11-11 needs Tue 11-10’s price; with prices only up to Mon 11-09 it is not there yet.
    const upToMonday = foldEvents(settlementPricesDecider, [price('2026-11-06', 365_000), price('2026-11-09', 365_100)]);
    deciderSpec(holdingDecider)
      .given(run([received]).events)
      .when(loadOut('N-5', '2026-11-11', -120, upToMonday))
      .thenRefusedWith('SETTLEMENT_PRICE_NOT_PUBLISHED', { tradingDay: '2026-11-10', loadOutDay: '2026-11-11' });
    deciderSpec(holdingDecider)
      .given(run([received]).events)
      .when(loadOut('N-5', '2026-11-11', -120, noPrices))
      .thenRefusedWith('SETTLEMENT_PRICE_NOT_PUBLISHED');
  });
});
