import { cnMainlandCalendar, foldEvents, type LocalDate } from '@dw/kernel';
import { refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { rateCardDecider, rateCardInForce, type RateCardState } from '../../rate-card/domain/rate-card.decider';
import { contractTerms, d, defaultTerms } from '../../rate-card/domain/rate-card.fixtures.spec-helper';
import { RateCardTerms } from '../../rate-card/domain/rate-card.terms';
import { holdingsOf, storageChargeDateOf, storageChargesAccruedBy, type Holding, type StorageCharge } from './storage-accrual';

/*
 * The calendar around National Day 2026 (State Council notice of 2025-11-04, in the kernel's
 * calendar data): Mon 09-28, Tue 09-29 and Wed 09-30 are trading days; Thu 10-01 to Wed 10-07 are
 * the holiday; Thu 10-08 and Fri 10-09 trade again; Sat 10-10 is a make-up working day (worked,
 * not traded, not a holiday); Sun 10-11 an ordinary Sunday; Mon 10-12 a trading day.
 *
 * Rates: the published default (v1, from Tue 2026-09-01) charges rebar in a shed 15 fen/t/day;
 * party A's contract (v1, from Thu 10-08, a trading day) charges 20 fen/t/day. Party B has no
 * contract. The receipt: WR-1, 33 333 kg of rebar in a shed, so one day costs
 *   default:  15 × 33 333 / 1000 = 499.995 fen → 500 fen
 *   contract: 20 × 33 333 / 1000 = 666.66 fen  → 667 fen.
 */
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const versionOf = (partyId: string | null, effectiveFrom: string, terms: RateCardTerms) =>
  foldEvents(rateCardDecider, [
    { type: 'RateCardVersionPublished', data: { partyId, version: 1, effectiveFrom: d(effectiveFrom), terms, actor: manager, at: '2026-08-03T02:00:00Z' } },
  ]);
const publishedDefault = versionOf(null, '2026-09-01', defaultTerms);
const contracts: Record<string, RateCardState> = { 'P-A': versionOf('P-A', '2026-10-08', contractTerms) };
const rateCardOf = (partyId: string, day: LocalDate) => rateCardInForce(contracts[partyId] ?? { versions: [] }, publishedDefault, day);

const goods = { receiptNumber: 'WR-1', commodity: 'rebar', storageKind: 'shed' as const, weightKg: 33_333 };
const calendar = cnMainlandCalendar;
const total = (charges: readonly StorageCharge[]) => charges.reduce((sum, charge) => sum + charge.fen, 0);
const line = (charge: StorageCharge) => `${charge.day} ${charge.holderPartyId} on ${charge.chargedOn} ${charge.fen}`;

describe('holdings from title changes', () => {
  it('the buyer bears the storage of the transfer day, the seller the day before; a cancelled receipt is not charged on its cancellation day', () => {
    const holdings = holdingsOf(goods, [
      { on: d('2026-09-28'), holderPartyId: 'P-A' },
      { on: d('2026-10-09'), holderPartyId: 'P-B' },
      { on: d('2026-10-12'), holderPartyId: null },
    ]);
    expect(holdings.map((h) => [h.holderPartyId, h.from, h.until])).toEqual([
      ['P-A', '2026-09-28', '2026-10-09'],
      ['P-B', '2026-10-09', '2026-10-12'],
    ]);
    const charges = holdings.flatMap((holding) => storageChargesAccruedBy(holding, d('2026-10-31'), rateCardOf, calendar));
    // Fri 10-09, the transfer day, is B's; Thu 10-08 is A's; Mon 10-12, the cancellation day, nobody's.
    expect(charges.filter((c) => c.day === '2026-10-08').map((c) => c.holderPartyId)).toEqual(['P-A']);
    expect(charges.filter((c) => c.day === '2026-10-09').map((c) => c.holderPartyId)).toEqual(['P-B']);
    expect(charges.filter((c) => c.day === '2026-10-12')).toEqual([]);
    // Two transfers on one day: the day is the last buyer's, the middle party holds no day.
    const sameDay = holdingsOf(goods, [
      { on: d('2026-09-28'), holderPartyId: 'P-A' },
      { on: d('2026-09-29'), holderPartyId: 'P-B' },
      { on: d('2026-09-29'), holderPartyId: 'P-C' },
    ]);
    expect(sameDay.map((h) => [h.holderPartyId, h.from, h.until])).toEqual([
      ['P-A', '2026-09-28', '2026-09-29'],
      ['P-C', '2026-09-29', null],
    ]);
  });

  it('refuses title changes out of date order or not starting with a holder', () => {
    expect(refusalOf(() => holdingsOf(goods, [{ on: d('2026-09-28'), holderPartyId: null }])).code).toBe('TITLE_CHANGES_INVALID');
    const outOfOrder = refusalOf(() =>
      holdingsOf(goods, [
        { on: d('2026-09-28'), holderPartyId: 'P-A' },
        { on: d('2026-09-27'), holderPartyId: 'P-B' },
      ]),
    );
    expect([outOfOrder.code, outOfOrder.field]).toEqual(['TITLE_CHANGES_INVALID', 'changes[1].on']);
  });
});

describe('storage across a public holiday', () => {
  it('charges the National Day holiday 2026 on Wednesday 30 September, the last trading day before it', () => {
    for (const day of ['2026-10-01', '2026-10-04', '2026-10-07']) expect(storageChargeDateOf(d(day), d('2026-09-01'), calendar)).toBe('2026-09-30');
    // Trading days, the make-up Saturday and an ordinary Sunday are charged on themselves.
    for (const day of ['2026-09-30', '2026-10-08', '2026-10-10', '2026-10-11']) expect(storageChargeDateOf(d(day), d('2026-09-01'), calendar)).toBe(day);
    // A receipt that reached its holder during the holiday (10-03) is charged from that day, not before it.
    expect(storageChargeDateOf(d('2026-10-05'), d('2026-10-03'), calendar)).toBe('2026-10-03');
  });

  it('accrues a receipt held across National Day 2026 by A, transferred to B and cancelled, day by day at the rate in force', () => {
    const [heldByA, heldByB] = holdingsOf(goods, [
      { on: d('2026-09-28'), holderPartyId: 'P-A' },
      { on: d('2026-10-09'), holderPartyId: 'P-B' },
      { on: d('2026-10-12'), holderPartyId: null },
    ]) as [Holding, Holding];

    // By the close of Tue 09-29: A's 09-28 and 09-29 at the default, 2 × 500 = 1 000 fen.
    expect(total(storageChargesAccruedBy(heldByA, d('2026-09-29'), rateCardOf, calendar))).toBe(1_000);

    // By the close of Wed 09-30: 09-30 itself and the seven holiday days 10-01…10-07 are charged
    // that day, 8 × 500 = 4 000 fen, on top of the 1 000 before: 5 000 fen for 10 days.
    const bySeptember30 = storageChargesAccruedBy(heldByA, d('2026-09-30'), rateCardOf, calendar);
    expect(bySeptember30.filter((c) => c.chargedOn === '2026-09-30').map(line)).toEqual([
      '2026-09-30 P-A on 2026-09-30 500',
      '2026-10-01 P-A on 2026-09-30 500',
      '2026-10-02 P-A on 2026-09-30 500',
      '2026-10-03 P-A on 2026-09-30 500',
      '2026-10-04 P-A on 2026-09-30 500',
      '2026-10-05 P-A on 2026-09-30 500',
      '2026-10-06 P-A on 2026-09-30 500',
      '2026-10-07 P-A on 2026-09-30 500',
    ]);
    expect(total(bySeptember30)).toBe(5_000);
    // Nothing more is charged on the holiday days themselves.
    expect(storageChargesAccruedBy(heldByA, d('2026-10-07'), rateCardOf, calendar)).toEqual(bySeptember30);

    // A holds through Thu 10-08, the first day of A's contract: 667 fen. A's whole holding:
    // 09-28…09-30 and 10-01…10-07 at 500 (10 days, 5 000 fen) + 10-08 at 667 = 5 667 fen.
    const allOfA = storageChargesAccruedBy(heldByA, d('2026-10-31'), rateCardOf, calendar);
    expect(allOfA.at(-1)).toMatchObject({ day: '2026-10-08', rateCard: { source: 'contract', version: 1 }, fenPerTonneDay: 20, fen: 667 });
    expect([allOfA.length, total(allOfA)]).toEqual([11, 5_667]);

    // B (no contract: the default's 15 fen) holds Fri 10-09, Sat 10-10 (make-up working day, no
    // holiday) and Sun 10-11, each charged on itself: 3 × 500 = 1 500 fen; 10-12 is the
    // cancellation day, not held.
    const allOfB = storageChargesAccruedBy(heldByB, d('2026-10-31'), rateCardOf, calendar);
    expect(allOfB.map(line)).toEqual(['2026-10-09 P-B on 2026-10-09 500', '2026-10-10 P-B on 2026-10-10 500', '2026-10-11 P-B on 2026-10-11 500']);
    expect(allOfB.every((c) => c.rateCard.source === 'default' && c.weightKg === 33_333)).toBe(true);
  });

  it('prices storage by where the goods lie and refuses goods the rate card does not price', () => {
    // In the yard the default charges 10 fen/t/day: 10 × 33 333 / 1000 = 333.33 → 333 fen.
    const yard: Holding = { ...goods, storageKind: 'yard', holderPartyId: 'P-B', from: d('2026-09-28'), until: d('2026-09-29') };
    expect(storageChargesAccruedBy(yard, d('2026-09-28'), rateCardOf, calendar).map((c) => c.fen)).toEqual([333]);
    const copper: Holding = { ...yard, commodity: 'copper' };
    expect(refusalOf(() => storageChargesAccruedBy(copper, d('2026-09-28'), rateCardOf, calendar)).code).toBe('NO_STORAGE_RATE');
  });
});
