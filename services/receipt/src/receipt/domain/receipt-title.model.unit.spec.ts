import fc from 'fast-check';
import { CancellationPurpose } from './receipt.events';
import { HoldKind } from './receipt.hold';
import { isLive } from './receipt.state';
import { BENEFICIARIES, CardSpec, LotSpec, Outcome, TitleRegistry, bankActor, courtActor, dateOfDay, exchangeActor } from './title-registry.spec-helper';
import { Actor } from '../../common/domain/actor';

/**
 * Model-based property test of title (rules RCPT-ONE-LIVE-PER-LOT, RCPT-HELD-STAYS-PUT, RCPT-EXPIRED-SPOT-ONLY): random sequences of issue / transfer / hold /
 * release / split / merge / cancel / time passing, run against the deciders composed as the
 * handlers compose them (TitleRegistry) and against a deliberately simple model. After every
 * step the real outcome must be the one the model predicts, the live receipts must agree with
 * the model, and these must hold on the real state alone:
 * - the weight under live receipts never exceeds the weight of the lots backing them
 *   (it is exactly equal, receipt by receipt);
 * - every live receipt has exactly one holder, on an approved card;
 * - no lot backs two live receipts, and each lot's own stream names the receipt that lists it;
 * - no receipt is pledged twice.
 */

const CARDS: readonly CardSpec[] = [
  { cardNumber: 'SC-A', partyId: 'party-a', holderName: '甲钢贸有限公司', approved: true },
  { cardNumber: 'SC-B', partyId: 'party-b', holderName: '乙建材有限公司', approved: true },
  { cardNumber: 'SC-C', partyId: 'party-c', holderName: '丙物资有限公司', approved: true },
  { cardNumber: 'SC-D', partyId: 'party-d', holderName: '丁物流有限公司', approved: false },
];
const APPROVED = CARDS.filter((card) => card.approved).map((card) => card.cardNumber);
const LOTS: readonly LotSpec[] = [
  { lotId: 'L01', weightKg: 1_000, ownerCard: 'SC-A', producedDay: 0 },
  { lotId: 'L02', weightKg: 2_000, ownerCard: 'SC-A', producedDay: -5 },
  { lotId: 'L03', weightKg: 3_000, ownerCard: 'SC-A', producedDay: -20 },
  { lotId: 'L04', weightKg: 1_000, ownerCard: 'SC-A', producedDay: -2 },
  { lotId: 'L05', weightKg: 4_000, ownerCard: 'SC-B', producedDay: -10 },
  { lotId: 'L06', weightKg: 2_000, ownerCard: 'SC-B', producedDay: 0 },
  { lotId: 'L07', weightKg: 1_000, ownerCard: 'SC-B', producedDay: -15 },
  { lotId: 'L08', weightKg: 3_000, ownerCard: 'SC-C', producedDay: -1 },
  { lotId: 'L09', weightKg: 2_000, ownerCard: 'SC-C', producedDay: -8 },
  { lotId: 'L10', weightKg: 1_000, ownerCard: 'SC-C', producedDay: -3 },
];

interface ModelReceipt {
  readonly number: string;
  holder: string;
  readonly weightKg: number;
  readonly lots: readonly string[];
  /** Day index of the last valid day. */
  readonly validUntil: number;
  holds: { holdId: string; kind: HoldKind }[];
  expired: boolean;
  live: boolean;
}
interface ModelLot {
  readonly weightKg: number;
  owner: string;
  readonly producedDay: number;
  backing: string | null;
  /** Once its receipt is cancelled, the lot is entitled or spot goods: it never backs a receipt again (RCPT-NO-TITLE-AFTER-CANCELLATION). */
  cancelled: boolean;
}
interface Model {
  today: number;
  next: number;
  readonly lots: Map<string, ModelLot>;
  readonly receipts: ModelReceipt[];
}

const VALIDITY_DAYS = 90;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const unique = <T>(values: readonly T[]) => [...new Set(values)];

function expectOutcome(outcome: Outcome, accepted: boolean, code?: string): void {
  if (accepted) {
    expect(outcome).toEqual({ ok: true });
    return;
  }
  expect(outcome.ok).toBe(false);
  if (code && !outcome.ok) expect(outcome.code).toBe(code);
}

function verify(model: Model, real: TitleRegistry): void {
  const live = real.liveReceipts();

  // The real live receipts are the model's.
  const realView = live
    .map(({ record, status, holds }) => ({
      number: record!.receiptNumber,
      holder: record!.holder.storageCard,
      weightKg: record!.weightKg,
      lots: record!.lots.map((lot) => lot.lotId),
      validUntil: record!.validUntil,
      expired: status === 'expired',
      holds: holds.map((hold) => hold.holdId),
    }))
    .sort((a, b) => a.number.localeCompare(b.number));
  const modelView = model.receipts
    .filter((receipt) => receipt.live)
    .map((receipt) => ({
      number: receipt.number,
      holder: receipt.holder,
      weightKg: receipt.weightKg,
      lots: [...receipt.lots],
      validUntil: dateOfDay(receipt.validUntil),
      expired: receipt.expired,
      holds: receipt.holds.map((hold) => hold.holdId),
    }))
    .sort((a, b) => a.number.localeCompare(b.number));
  expect(realView).toEqual(modelView);

  // Invariants on the real state alone.
  const lotsUnderLiveReceipts = new Set<string>();
  let liveKg = 0;
  let backingKg = 0;
  for (const { record, holds } of live) {
    const receipt = record!;
    expect(APPROVED).toContain(receipt.holder.storageCard);
    const backedKg = sum(
      receipt.lots.map((lot) => {
        const backing = real.lot(lot.lotId);
        return backing.status === 'backing' && backing.receiptNumber === receipt.receiptNumber ? backing.lot.weightKg : 0;
      }),
    );
    expect(backedKg).toBe(receipt.weightKg);
    liveKg += receipt.weightKg;
    backingKg += backedKg;
    for (const lot of receipt.lots) {
      expect(lotsUnderLiveReceipts.has(lot.lotId)).toBe(false);
      lotsUnderLiveReceipts.add(lot.lotId);
    }
    expect(holds.filter((hold) => hold.kind === 'pledge').length).toBeLessThanOrEqual(1);
  }
  expect(liveKg).toBeLessThanOrEqual(backingKg);
  const receipts = real.receipts();
  for (const { lotId } of LOTS) {
    const backing = real.lot(lotId);
    if (backing.status === 'backing') {
      const receipt = receipts.get(backing.receiptNumber);
      expect(receipt && isLive(receipt)).toBe(true);
      expect(receipt!.record!.lots.map((lot) => lot.lotId)).toContain(lotId);
    } else {
      expect(lotsUnderLiveReceipts.has(lotId)).toBe(false);
    }
  }
}

abstract class Step implements fc.Command<Model, TitleRegistry> {
  check(): boolean {
    return true;
  }
  run(model: Model, real: TitleRegistry): void {
    this.apply(model, real);
    verify(model, real);
  }
  protected abstract apply(model: Model, real: TitleRegistry): void;
  abstract toString(): string;
}

const pick = <T>(values: readonly T[], index: number): T => values[index % values.length]!;

/**
 * A target: usually a live receipt (so steps reach deep states: merges, transfers of expired
 * receipts, re-issue after cancellation), sometimes any receipt ever issued (retired ones must
 * be refused): indices ≡ 3 (mod 4) pick among all receipts, the others among live ones.
 */
function target(model: Model, index: number): ModelReceipt | undefined {
  const live = model.receipts.filter((receipt) => receipt.live);
  const pool = index % 4 !== 3 && live.length > 0 ? live : model.receipts;
  return pool.length > 0 ? pick(pool, Math.floor(index / 4)) : undefined;
}

/** The first pick as a target; the others, when `sameHolder`, among live receipts of the same holder. */
function targets(model: Model, picks: readonly number[], sameHolder: boolean): ModelReceipt[] {
  const first = target(model, picks[0]!);
  if (!first) return [];
  const sameHolders = model.receipts.filter((receipt) => receipt.live && receipt.holder === first.holder);
  const rest = picks.slice(1).map((p) => (sameHolder && sameHolders.length > 0 ? pick(sameHolders, p) : target(model, p)!));
  return unique([first, ...rest]);
}

class Issue extends Step {
  constructor(
    private readonly owner: number,
    private readonly picks: readonly number[],
  ) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    const owner = APPROVED[this.owner]!;
    const owned = [...model.lots.entries()].filter(([, lot]) => lot.owner === owner).map(([lotId]) => lotId);
    if (owned.length === 0) return;
    const lotIds = unique(this.picks.map((p) => pick(owned, p)));
    const number = `R-${model.next++}`;
    const validUntil = Math.min(...lotIds.map((lotId) => model.lots.get(lotId)!.producedDay)) + VALIDITY_DAYS;
    const accepted = lotIds.every((lotId) => model.lots.get(lotId)!.backing === null && !model.lots.get(lotId)!.cancelled) && validUntil >= model.today;
    expectOutcome(real.issue(owner, lotIds, number), accepted);
    if (!accepted) return;
    model.receipts.push({
      number,
      holder: owner,
      weightKg: sum(lotIds.map((id) => model.lots.get(id)!.weightKg)),
      lots: lotIds,
      validUntil,
      holds: [],
      expired: false,
      live: true,
    });
    for (const lotId of lotIds) model.lots.get(lotId)!.backing = number;
  }
  toString() {
    return `issue(${this.owner}, [${this.picks}])`;
  }
}

type Entry = 'correct' | 'wrongName' | 'wrongCard' | 'wrongCommodity';

class Transfer extends Step {
  constructor(
    private readonly picks: readonly number[],
    private readonly sameHolder: boolean,
    private readonly buyer: number,
    private readonly entry: Entry,
  ) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    const chosen = targets(model, this.picks, this.sameHolder);
    if (chosen.length === 0) return;
    const seller = chosen[0]!.holder;
    const buyer = CARDS[this.buyer]!;
    const sellersLive = (receipt: ModelReceipt) => receipt.live && receipt.holder === seller;
    const accepted =
      this.entry === 'correct' &&
      chosen.every((receipt) => sellersLive(receipt) && receipt.holds.length === 0 && !receipt.expired) &&
      buyer.approved &&
      buyer.cardNumber !== seller;
    // Error-proofing alarms: one per line whose record the seller may see and whose entry is wrong.
    const alarms = this.entry === 'correct' ? 0 : this.entry === 'wrongCommodity' ? Number(sellersLive(chosen[0]!)) : chosen.filter(sellersLive).length;
    const outcome = real.transfer(
      chosen.map((receipt) => receipt.number),
      seller,
      buyer.cardNumber,
      this.entry,
    );
    expectOutcome(outcome, accepted);
    if (!outcome.ok) expect(outcome.alarms).toBe(alarms);
    if (accepted) for (const receipt of chosen) receipt.holder = buyer.cardNumber;
  }
  toString() {
    return `transfer([${this.picks}], ${this.sameHolder}, ${this.buyer}, ${this.entry})`;
  }
}

const BENEFICIARY_ACTORS: Readonly<Record<HoldKind, Actor>> = { pledge: bankActor, freeze: courtActor, delivery: exchangeActor };

class PlaceHold extends Step {
  constructor(
    private readonly target: number,
    private readonly kind: HoldKind,
  ) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    const receipt = target(model, this.target);
    if (!receipt) return;
    const holdId = `H-${model.next++}`;
    const actor = this.kind === 'pledge' ? real.holderActor(receipt.holder) : BENEFICIARY_ACTORS[this.kind];
    const accepted = receipt.live && (this.kind === 'freeze' || (receipt.holds.length === 0 && !receipt.expired));
    const code = receipt.live && this.kind === 'pledge' && receipt.holds.some((hold) => hold.kind === 'pledge') ? 'ALREADY_PLEDGED' : undefined;
    expectOutcome(real.placeHold(receipt.number, holdId, this.kind, actor), accepted, code);
    if (accepted) receipt.holds.push({ holdId, kind: this.kind });
  }
  toString() {
    return `hold(${this.target}, ${this.kind})`;
  }
}

class ReleaseHold extends Step {
  constructor(
    private readonly target: number,
    private readonly hold: number,
    private readonly byBeneficiary: boolean,
  ) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    const receipt = target(model, this.target);
    if (!receipt) return;
    if (receipt.holds.length === 0) {
      expectOutcome(real.releaseHold(receipt.number, 'H-none', bankActor), false);
      return;
    }
    const hold = pick(receipt.holds, this.hold);
    const wrongActor: Actor = hold.kind === 'pledge' ? real.holderActor(receipt.holder) : hold.kind === 'freeze' ? exchangeActor : courtActor;
    const actor = this.byBeneficiary ? BENEFICIARY_ACTORS[hold.kind] : wrongActor;
    expect(BENEFICIARIES[hold.kind].partyId === actor.partyId).toBe(this.byBeneficiary);
    expectOutcome(real.releaseHold(receipt.number, hold.holdId, actor), this.byBeneficiary, 'HOLD_RELEASE_FORBIDDEN');
    if (this.byBeneficiary) receipt.holds = receipt.holds.filter((candidate) => candidate !== hold);
  }
  toString() {
    return `release(${this.target}, ${this.hold}, ${this.byBeneficiary})`;
  }
}

class Split extends Step {
  constructor(
    private readonly target: number,
    private readonly cut: number,
  ) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    const parent = target(model, this.target);
    if (!parent) return;
    const n = parent.lots.length;
    const at = n >= 2 ? 1 + (this.cut % (n - 1)) : n;
    const parts = [parent.lots.slice(0, at), parent.lots.slice(at)];
    const children = parts.map((lotIds) => ({ receiptNumber: `R-${model.next++}`, lotIds, weightKg: sum(lotIds.map((id) => model.lots.get(id)!.weightKg)) }));
    const accepted = parent.live && parent.holds.length === 0 && !parent.expired && n >= 2;
    expectOutcome(real.split(parent.number, children, real.holderActor(parent.holder)), accepted);
    if (!accepted) return;
    parent.live = false;
    for (const child of children) {
      model.receipts.push({ ...parent, number: child.receiptNumber, weightKg: child.weightKg, lots: child.lotIds, holds: [], live: true });
      for (const lotId of child.lotIds) model.lots.get(lotId)!.backing = child.receiptNumber;
    }
  }
  toString() {
    return `split(${this.target}, ${this.cut})`;
  }
}

class Merge extends Step {
  constructor(
    private readonly picks: readonly number[],
    private readonly sameHolder: boolean,
  ) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    const parents = targets(model, this.picks, this.sameHolder);
    if (parents.length < 2) return;
    const holder = parents[0]!.holder;
    const number = `R-${model.next++}`;
    const accepted = parents.every((parent) => parent.live && parent.holds.length === 0 && !parent.expired && parent.holder === holder);
    expectOutcome(
      real.merge(
        parents.map((parent) => parent.number),
        number,
        real.holderActor(holder),
      ),
      accepted,
    );
    if (!accepted) return;
    for (const parent of parents) parent.live = false;
    const lots = parents.flatMap((parent) => parent.lots);
    model.receipts.push({
      number,
      holder,
      weightKg: sum(parents.map((parent) => parent.weightKg)),
      lots,
      validUntil: Math.min(...parents.map((parent) => parent.validUntil)),
      holds: [],
      expired: false,
      live: true,
    });
    for (const lotId of lots) model.lots.get(lotId)!.backing = number;
  }
  toString() {
    return `merge([${this.picks}], ${this.sameHolder})`;
  }
}

class Cancel extends Step {
  constructor(
    private readonly target: number,
    private readonly purpose: CancellationPurpose,
  ) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    const receipt = target(model, this.target);
    if (!receipt) return;
    // Past validity, goods leave only as spot goods (rule RCPT-EXPIRED-SPOT-ONLY), never as a pickup under the receipt.
    const accepted = receipt.live && receipt.holds.length === 0 && !(receipt.expired && this.purpose === 'pickup');
    expectOutcome(real.cancel(receipt.number, real.holderActor(receipt.holder), this.purpose), accepted);
    if (!accepted) return;
    receipt.live = false;
    for (const lotId of receipt.lots) Object.assign(model.lots.get(lotId)!, { backing: null, owner: receipt.holder, cancelled: true });
  }
  toString() {
    return `cancel(${this.target}, ${this.purpose})`;
  }
}

class Advance extends Step {
  constructor(private readonly days: number) {
    super();
  }
  protected apply(model: Model, real: TitleRegistry): void {
    model.today += this.days;
    real.advance(this.days);
    for (const receipt of model.receipts) if (receipt.live && !receipt.expired && receipt.validUntil < model.today) receipt.expired = true;
  }
  toString() {
    return `advance(${this.days})`;
  }
}

const steps = [
  fc
    .tuple(fc.integer({ min: 0, max: APPROVED.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }))
    .map(([owner, picks]) => new Issue(owner, picks)),
  fc
    .tuple(
      fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.integer({ min: 0, max: CARDS.length - 1 }),
      fc.constantFrom<Entry>('correct', 'correct', 'correct', 'wrongName', 'wrongCard', 'wrongCommodity'),
    )
    .map(([picks, sameHolder, buyer, entry]) => new Transfer(picks, sameHolder, buyer, entry)),
  fc.tuple(fc.nat(), fc.constantFrom<HoldKind>('pledge', 'pledge', 'freeze', 'delivery')).map(([target, kind]) => new PlaceHold(target, kind)),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(true, true, false)).map(([target, hold, byBeneficiary]) => new ReleaseHold(target, hold, byBeneficiary)),
  fc.tuple(fc.nat(), fc.nat()).map(([target, cut]) => new Split(target, cut)),
  fc.tuple(fc.array(fc.nat(), { minLength: 2, maxLength: 3 }), fc.boolean()).map(([picks, sameHolder]) => new Merge(picks, sameHolder)),
  fc.tuple(fc.nat(), fc.constantFrom<CancellationPurpose>('pickup', 'spot-conversion')).map(([target, purpose]) => new Cancel(target, purpose)),
  fc.integer({ min: 1, max: 30 }).map((days) => new Advance(days)),
];

describe('receipt title (model-based)', () => {
  it('keeps title whole through random issue / transfer / hold / release / split / merge / cancel / expiry sequences', () => {
    fc.assert(
      fc.property(fc.commands(steps, { maxCommands: 80, size: 'max' }), (commands) => {
        const setup = () => ({
          model: {
            today: 0,
            next: 1,
            lots: new Map(
              LOTS.map((lot) => [lot.lotId, { weightKg: lot.weightKg, owner: lot.ownerCard, producedDay: lot.producedDay, backing: null, cancelled: false }]),
            ),
            receipts: [],
          } as Model,
          real: new TitleRegistry(CARDS, LOTS),
        });
        fc.modelRun(setup, commands);
      }),
      { numRuns: 100 },
    );
  });
});
