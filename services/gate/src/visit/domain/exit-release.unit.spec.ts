import { allowedDifferenceKg, type CarriedLoad, type ExitFacts, exitVerdictOf } from './exit-release';

/** One load-out note of order WO-OUT-1 under entitlement ENT-1, lot L1, 25,000 kg at 30 bp. */
const load = (patch: Partial<CarriedLoad> = {}): CarriedLoad => ({
  noteId: 'WO-OUT-1-L1',
  orderId: 'WO-OUT-1',
  entitlementId: 'ENT-1',
  lotIds: ['L1'],
  pieces: 10,
  netKg: 25_000,
  toleranceBps: 30,
  ...patch,
});
const facts = (patch: Partial<ExitFacts> = {}): ExitFacts => ({
  appointment: { orderId: 'WO-OUT-1', confirmed: true },
  orderEntitlementId: 'ENT-1',
  entitlement: { lotIds: ['L1', 'L2'] },
  frozenLotIds: [],
  ...patch,
});

describe('exit release', () => {
  it('passes a net within the lots’ tolerance of the notes’ net, boundary included, and holds one kg over', () => {
    // Notes 25,000 kg at 30 bp: allowed 25,000 × 30 / 10,000 = 75 kg.
    // Net 24,960: |24,960 − 25,000| = 40 ≤ 75 → passes.
    expect(exitVerdictOf([load()], 24_960, facts())).toEqual({ conditions: [], notesNetKg: 25_000, toleranceBps: 30 });
    // Net 24,900: difference 100 > 75 → held on the net alone.
    expect(exitVerdictOf([load()], 24_900, facts()).conditions).toEqual(['net_outside_tolerance']);
    // Exactly at the limit: 25,075 and 24,925 (difference 75) pass; 25,076 and 24,924 (76) are held.
    expect(exitVerdictOf([load()], 25_075, facts()).conditions).toEqual([]);
    expect(exitVerdictOf([load()], 24_925, facts()).conditions).toEqual([]);
    expect(exitVerdictOf([load()], 25_076, facts()).conditions).toEqual(['net_outside_tolerance']);
    expect(exitVerdictOf([load()], 24_924, facts()).conditions).toEqual(['net_outside_tolerance']);
    expect(allowedDifferenceKg(25_000, 30)).toBe(75);
  });

  it('sums the notes and takes the smallest tolerance when the lots differ, compared exactly without rounding', () => {
    // Notes 12,345 (L1, 30 bp) + 10,000 (L2, 50 bp) = 22,345 kg at the smaller 30 bp:
    // allowed 22,345 × 30 / 10,000 = 67.035 kg, so 67 kg passes and 68 kg is held (no rounding up to 68).
    const loads = [load({ netKg: 12_345 }), load({ noteId: 'WO-OUT-1-L2', lotIds: ['L2'], netKg: 10_000, toleranceBps: 50 })];
    expect(exitVerdictOf(loads, 22_345 + 67, facts())).toEqual({ conditions: [], notesNetKg: 22_345, toleranceBps: 30 });
    expect(exitVerdictOf(loads, 22_345 + 68, facts()).conditions).toEqual(['net_outside_tolerance']);
    // At 50 bp the same 68 kg would pass (allowed 111.725 kg): the smallest tolerance decides.
    expect(
      exitVerdictOf(
        loads.map((l) => ({ ...l, toleranceBps: 50 })),
        22_345 + 68,
        facts(),
      ).conditions,
    ).toEqual([]);
  });

  it('holds a truck booked for one order but loaded under another, or whose appointment no longer stands, on no_appointment alone', () => {
    expect(exitVerdictOf([load({ orderId: 'WO-OUT-2' })], 25_000, facts()).conditions).toEqual(['no_appointment']);
    expect(exitVerdictOf([load()], 25_000, facts({ appointment: { orderId: 'WO-OUT-1', confirmed: false } })).conditions).toEqual(['no_appointment']);
    expect(exitVerdictOf([load()], 25_000, facts({ appointment: null })).conditions).toEqual(['no_appointment']);
  });

  it('holds on entitlement_held alone when the entitlement is not live or a lot of it is frozen; a reservation is no freeze', () => {
    expect(exitVerdictOf([load()], 25_000, facts({ entitlement: null })).conditions).toEqual(['entitlement_held', 'pieces_not_entitled']);
    // A freeze on another lot of the same entitlement holds the vehicle too: the entitlement is held.
    expect(exitVerdictOf([load()], 25_000, facts({ frozenLotIds: ['L2'] })).conditions).toEqual(['entitlement_held']);
    expect(exitVerdictOf([load()], 25_000, facts({ frozenLotIds: ['L1'] })).conditions).toEqual(['entitlement_held']);
    expect(exitVerdictOf([load()], 25_000, facts({ frozenLotIds: ['L9'] })).conditions).toEqual([]);
  });

  it('holds on pieces_not_entitled alone when a lot left under another entitlement or is not one the entitlement lists', () => {
    expect(exitVerdictOf([load({ entitlementId: 'ENT-2' })], 25_000, facts()).conditions).toEqual(['pieces_not_entitled']);
    expect(exitVerdictOf([load({ lotIds: ['L7'] })], 25_000, facts()).conditions).toEqual(['pieces_not_entitled']);
  });

  it('names every failed condition together', () => {
    const verdict = exitVerdictOf([load({ orderId: 'WO-OUT-2', entitlementId: 'ENT-2' })], 20_000, facts({ frozenLotIds: ['L1'] }));
    expect(verdict.conditions).toEqual(['no_appointment', 'entitlement_held', 'pieces_not_entitled', 'net_outside_tolerance']);
  });
});
