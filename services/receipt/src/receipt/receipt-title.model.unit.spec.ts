import fc from 'fast-check';
import type { Principal } from '@dw/platform';
import { modelRunProperty, type Outcome } from '@dw/testing';
import {
  BENEFICIARY_OF,
  type CardSpec,
  dateOfDay,
  InMemoryReceiptService,
  type LotSpec,
  bank,
  court,
  exchange,
} from '../testing/in-memory-receipt-service.spec-helper';
import type { CancellationPurpose } from './domain/receipt.events';
import type { HoldKind } from './domain/receipt.hold';
import { isLive } from './domain/receipt.state';

/**
 * Model-based property test of title (rules RCPT-ONE-LIVE-PER-LOT, RCPT-HELD-STAYS-PUT, RCPT-EXPIRED-SPOT-ONLY): random sequences of issue / transfer / hold /
 * release / split / merge / cancel / time passing, run through the receipt service's real
 * command handlers over the in-memory event store (InMemoryReceiptService) and against a
 * deliberately simple model. After every step the real outcome must be the one the model
 * predicts, the live receipts must agree with the model, and these must hold on the real state alone:
 * - the weight under live receipts never exceeds the weight of the lots backing them
 *   (it is exactly equal, receipt by receipt);
 * - every live receipt has exactly one holder, on an approved card;
 * - no lot backs two live receipts, and each lot's own stream names the receipt that lists it;
 * - no receipt is pledged twice.
 * Receipt numbers and hold ids are the service's: the model takes them from the answers.
 */

// Cards are numbered by the service in the order they are opened.
const [A, B, C, D] = ['SC000001', 'SC000002', 'SC000003', 'SC000004'] as const;
const CARDS: readonly CardSpec[] = [
  { cardNumber: A, partyId: 'party-a', holderName: '甲钢贸有限公司', approved: true },
  { cardNumber: B, partyId: 'party-b', holderName: '乙建材有限公司', approved: true },
  { cardNumber: C, partyId: 'party-c', holderName: '丙物资有限公司', approved: true },
  { cardNumber: D, partyId: 'party-d', holderName: '丁物流有限公司', approved: false },
];
const APPROVED = CARDS.filter((card) => card.approved).map((card) => card.cardNumber);
const LOTS: readonly LotSpec[] = [
  { lotId: 'L01', weightKg: 1_000, ownerCard: A, producedDay: 0 },
  { lotId: 'L02', weightKg: 2_000, ownerCard: A, producedDay: -5 },
  { lotId: 'L03', weightKg: 3_000, ownerCard: A, producedDay: -20 },
  { lotId: 'L04', weightKg: 1_000, ownerCard: A, producedDay: -2 },
  { lotId: 'L05', weightKg: 4_000, ownerCard: B, producedDay: -10 },
  { lotId: 'L06', weightKg: 2_000, ownerCard: B, producedDay: 0 },
  { lotId: 'L07', weightKg: 1_000, ownerCard: B, producedDay: -15 },
  { lotId: 'L08', weightKg: 3_000, ownerCard: C, producedDay: -1 },
  { lotId: 'L09', weightKg: 2_000, ownerCard: C, producedDay: -8 },
  { lotId: 'L10', weightKg: 1_000, ownerCard: C, producedDay: -3 },
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
  readonly lots: Map<string, ModelLot>;
  readonly receipts: ModelReceipt[];
}
type Real = InMemoryReceiptService;

const VALIDITY_DAYS = 90;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const unique = <T>(values: readonly T[]) => [...new Set(values)];

/** The real outcome is the predicted one: taken, or refused (with `code`, when the model names one). */
function expectOutcome(outcome: Outcome, accepted: boolean, code?: string): void {
  expect(outcome.ok).toBe(accepted);
  if (code && !outcome.ok) expect(outcome.code).toBe(code);
}

async function verify(model: Model, real: Real): Promise<void> {
  const receipts = await real.receipts();
  const live = [...receipts.values()].filter(isLive);

  const realView = live
    .map(({ record, status, holds }) => ({
      number: record.receiptNumber,
      holder: record.holder.storageCard,
      weightKg: record.weightKg,
      lots: record.lots.map((lot) => lot.lotId),
      validUntil: record.validUntil,
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

  // Invariants on the real state alone, each broken one named (one assertion per step keeps runs fast).
  const broken: string[] = [];
  const check = (holds: boolean, what: string) => {
    if (!holds) broken.push(what);
  };
  const lots = new Map(await Promise.all(LOTS.map(async ({ lotId }) => [lotId, await real.lot(lotId)] as const)));
  const lotsUnderLiveReceipts = new Set<string>();
  let liveKg = 0;
  let backingKg = 0;
  for (const { record: receipt, holds } of live) {
    const number = receipt.receiptNumber;
    check(APPROVED.includes(receipt.holder.storageCard), `${number} is held on ${receipt.holder.storageCard}, not an approved card`);
    const backedKg = sum(
      receipt.lots.map((lot) => {
        const backing = lots.get(lot.lotId)!;
        return backing.status === 'backing' && backing.receiptNumber === number ? backing.lot.weightKg : 0;
      }),
    );
    check(backedKg === receipt.weightKg, `${number} weighs ${receipt.weightKg} kg, its lots back ${backedKg} kg`);
    liveKg += receipt.weightKg;
    backingKg += backedKg;
    for (const lot of receipt.lots) {
      check(!lotsUnderLiveReceipts.has(lot.lotId), `${lot.lotId} backs two live receipts`);
      lotsUnderLiveReceipts.add(lot.lotId);
    }
    check(holds.filter((hold) => hold.kind === 'pledge').length <= 1, `${number} is pledged twice`);
  }
  check(liveKg <= backingKg, `${liveKg} kg under live receipts, ${backingKg} kg of lots behind them`);
  for (const [lotId, backing] of lots) {
    if (backing.status === 'backing') {
      const receipt = receipts.get(backing.receiptNumber);
      check(receipt !== undefined && isLive(receipt), `${lotId} backs ${backing.receiptNumber}, which is not live`);
      check(receipt?.record?.lots.some((lot) => lot.lotId === lotId) ?? false, `${lotId} backs ${backing.receiptNumber}, which does not list it`);
    } else {
      check(!lotsUnderLiveReceipts.has(lotId), `${lotId} is listed by a live receipt but backs none (${backing.status})`);
    }
  }
  // The real live receipts are the model's, and no invariant is broken.
  expect({ live: realView, broken }).toEqual({ live: modelView, broken: [] });
}

abstract class Step implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  abstract run(model: Model, real: Real): Promise<void>;
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
  async run(model: Model, real: Real): Promise<void> {
    const owner = APPROVED[this.owner]!;
    const owned = [...model.lots.entries()].filter(([, lot]) => lot.owner === owner).map(([lotId]) => lotId);
    if (owned.length === 0) return;
    const lotIds = unique(this.picks.map((p) => pick(owned, p)));
    const validUntil = Math.min(...lotIds.map((lotId) => model.lots.get(lotId)!.producedDay)) + VALIDITY_DAYS;
    const accepted = lotIds.every((lotId) => model.lots.get(lotId)!.backing === null && !model.lots.get(lotId)!.cancelled) && validUntil >= model.today;
    const outcome = await real.issue(owner, lotIds);
    expectOutcome(outcome, accepted);
    if (!outcome.ok) return;
    const number = outcome.value;
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
  async run(model: Model, real: Real): Promise<void> {
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
    const alarmsBefore = real.alarms();
    const outcome = await real.transfer(
      chosen.map((receipt) => receipt.number),
      seller,
      buyer.cardNumber,
      this.entry,
    );
    expectOutcome(outcome, accepted);
    // A refused transfer leaves its alarms in the log, recorded apart from the rolled-back transfer.
    expect(real.alarms() - alarmsBefore).toBe(outcome.ok ? 0 : alarms);
    if (accepted) for (const receipt of chosen) receipt.holder = buyer.cardNumber;
  }
  toString() {
    return `transfer([${this.picks}], ${this.sameHolder}, ${this.buyer}, ${this.entry})`;
  }
}

class PlaceHold extends Step {
  constructor(
    private readonly target: number,
    private readonly kind: HoldKind,
  ) {
    super();
  }
  async run(model: Model, real: Real): Promise<void> {
    const receipt = target(model, this.target);
    if (!receipt) return;
    // The holder pledges (to the bank); the court freezes; the exchange places delivery holds.
    const who = this.kind === 'pledge' ? real.holder(receipt.holder) : BENEFICIARY_OF[this.kind];
    const accepted = receipt.live && (this.kind === 'freeze' || (receipt.holds.length === 0 && !receipt.expired));
    const code = receipt.live && this.kind === 'pledge' && receipt.holds.some((hold) => hold.kind === 'pledge') ? 'ALREADY_PLEDGED' : undefined;
    const outcome = await real.placeHold(receipt.number, this.kind, who);
    expectOutcome(outcome, accepted, code);
    if (outcome.ok) receipt.holds.push({ holdId: outcome.value, kind: this.kind });
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
  async run(model: Model, real: Real): Promise<void> {
    const receipt = target(model, this.target);
    if (!receipt) return;
    if (receipt.holds.length === 0) {
      expectOutcome(await real.releaseHold(receipt.number, 'H-none', bank), false);
      return;
    }
    const hold = pick(receipt.holds, this.hold);
    const wrongParty: Principal = hold.kind === 'pledge' ? real.holder(receipt.holder) : hold.kind === 'freeze' ? exchange : court;
    const who = this.byBeneficiary ? BENEFICIARY_OF[hold.kind] : wrongParty;
    expect(BENEFICIARY_OF[hold.kind].subject === who.subject).toBe(this.byBeneficiary);
    // Holds are released through the integration API, by an exchange, bank or court: a depositor
    // (the pledgor) is refused for its role, another integration client for not being the beneficiary.
    const refusal = wrongParty.roles.includes('depositor') ? 'ACTOR_ROLE_FORBIDDEN' : 'HOLD_RELEASE_FORBIDDEN';
    expectOutcome(await real.releaseHold(receipt.number, hold.holdId, who), this.byBeneficiary, refusal);
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
  async run(model: Model, real: Real): Promise<void> {
    const parent = target(model, this.target);
    if (!parent) return;
    const n = parent.lots.length;
    const at = n >= 2 ? 1 + (this.cut % (n - 1)) : n;
    const parts = [parent.lots.slice(0, at), parent.lots.slice(at)];
    const children = parts.map((lotIds) => ({ lotIds, weightKg: sum(lotIds.map((id) => model.lots.get(id)!.weightKg)) }));
    const accepted = parent.live && parent.holds.length === 0 && !parent.expired && n >= 2;
    const outcome = await real.split(parent.number, children, real.holder(parent.holder));
    expectOutcome(outcome, accepted);
    if (!outcome.ok) return;
    parent.live = false;
    children.forEach((child, i) => {
      const number = outcome.value[i]!;
      model.receipts.push({ ...parent, number, weightKg: child.weightKg, lots: child.lotIds, holds: [], live: true });
      for (const lotId of child.lotIds) model.lots.get(lotId)!.backing = number;
    });
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
  async run(model: Model, real: Real): Promise<void> {
    const parents = targets(model, this.picks, this.sameHolder);
    if (parents.length < 2) return;
    const holder = parents[0]!.holder;
    const accepted = parents.every((parent) => parent.live && parent.holds.length === 0 && !parent.expired && parent.holder === holder);
    const outcome = await real.merge(
      parents.map((parent) => parent.number),
      real.holder(holder),
    );
    expectOutcome(outcome, accepted);
    if (!outcome.ok) return;
    for (const parent of parents) parent.live = false;
    const lots = parents.flatMap((parent) => parent.lots);
    model.receipts.push({
      number: outcome.value,
      holder,
      weightKg: sum(parents.map((parent) => parent.weightKg)),
      lots,
      validUntil: Math.min(...parents.map((parent) => parent.validUntil)),
      holds: [],
      expired: false,
      live: true,
    });
    for (const lotId of lots) model.lots.get(lotId)!.backing = outcome.value;
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
  async run(model: Model, real: Real): Promise<void> {
    const receipt = target(model, this.target);
    if (!receipt) return;
    // Past validity, goods leave only as spot goods (rule RCPT-EXPIRED-SPOT-ONLY), never as a pickup under the receipt.
    const accepted = receipt.live && receipt.holds.length === 0 && !(receipt.expired && this.purpose === 'pickup');
    expectOutcome(await real.cancel(receipt.number, real.holder(receipt.holder), this.purpose), accepted);
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
  async run(model: Model, real: Real): Promise<void> {
    model.today += this.days;
    await real.advance(this.days);
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
  it('keeps title whole through random issue / transfer / hold / release / split / merge / cancel / expiry sequences', async () => {
    await fc.assert(
      modelRunProperty<Model, Real>({
        setup: async () => ({
          model: {
            today: 0,
            lots: new Map(
              LOTS.map((lot) => [lot.lotId, { weightKg: lot.weightKg, owner: lot.ownerCard, producedDay: lot.producedDay, backing: null, cancelled: false }]),
            ),
            receipts: [],
          },
          real: await InMemoryReceiptService.start(CARDS, LOTS),
        }),
        steps,
        invariants: verify,
        maxSteps: 80,
      }),
      { numRuns: 100 },
    );
  });
});
