import { cnMainlandCalendar, type LocalDate } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { type FactoryTerms, termsInForce } from './factory-terms';
import type { FactoryCommand } from './factory.commands';
import { factoryDecider } from './factory.decider';
import type { FactoryApproved, FactoryEvent, Guarantee } from './factory.events';

type ApprovedData = FactoryApproved['data'];
import { decisionDueOf } from './issuance';

const exchange: Actor = { subject: 'shfe', role: 'exchange' };
const factory: Actor = { subject: 'shagang', role: 'factory' };
const otherFactory: Actor = { subject: 'jiangsu-yonggang', role: 'factory' };
const system: Actor = { subject: 'overdue-sweep', role: 'system' };
const factoryId = 'shagang';
// 2026-12-08 10:00 in Shanghai, a Tuesday.
const at = '2026-12-08T02:00:00.000Z';

// 10,000 t of approved capacity at 50,000 fen (500 yuan) of guarantee per tonne.
const terms: FactoryTerms = {
  effectiveFrom: '2026-12-08' as LocalDate,
  approvedCapacityTonnes: 10_000,
  dailyShippingTonnes: 500,
  brands: ['沙钢'],
  grades: ['HRB400E'],
  pickupLocations: [
    { locationId: 'zhangjiagang', name: '张家港本部', kind: 'home', benchmark: true, premiumPerTonneFen: 0 },
    { locationId: 'shanghai-baoshan', name: '上海宝山库', kind: 'non_home', benchmark: false, premiumPerTonneFen: 3_000 },
  ],
  guaranteePerTonneFen: 50_000,
};
// Capacity × value per tonne = 10,000 t × 50,000 fen = 500,000,000 fen (5,000,000 yuan).
const fullGuarantee: Guarantee = { letterNumber: 'BG-2026-001', issuingBank: '中国银行苏州分行', amountFen: 500_000_000, validTo: '2027-06-30' as LocalDate };

const approved: FactoryEvent = { type: 'FactoryApproved', data: { factoryId, name: '江苏沙钢集团', commodity: 'rebar', terms, actor: exchange, at } };
const guaranteed = (guarantee: Guarantee = fullGuarantee): FactoryEvent => ({ type: 'GuaranteeProvided', data: { factoryId, guarantee, actor: factory, at } });
const request = { commodity: 'rebar', grade: 'HRB400E', brand: '沙钢', member: 'M0101', owner: 'shagang-trading', tonnes: 1_000 };
const applied = (applicationId: string, tonnes: number, decisionDue = '2026-12-11'): FactoryEvent => ({
  type: 'IssuanceApplied',
  data: { factoryId, applicationId, request: { ...request, tonnes }, decisionDue: decisionDue as LocalDate, actor: factory, at },
});
const approval = (applicationId: string, tonnes: number, issuedTonnes: number): FactoryEvent => ({
  type: 'IssuanceApproved',
  data: { factoryId, applicationId, tonnes, issuedTonnes, actor: exchange, at },
});
const approve = (applicationId: string, when = at): FactoryCommand => ({
  type: 'ApproveIssuance',
  data: { factoryId, applicationId, actor: exchange, at: when },
});
const apply = (applicationId: string, over: Partial<typeof request> = {}, actor: Actor = factory, when = at): FactoryCommand => ({
  type: 'ApplyForIssuance',
  data: { factoryId, applicationId, request: { ...request, ...over }, guarantee: null, actor, at: when, calendar: cnMainlandCalendar },
});
const termsInput = (over: Partial<FactoryTerms> = {}) => ({ ...terms, ...over });

describe('factory warehouses (art. 7, 13; notice item 2)', () => {
  it('the exchange approves a factory with terms in force from today or later, exactly one home pickup location', () => {
    deciderSpec(factoryDecider)
      .given([])
      .when({ type: 'ApproveFactory', data: { factoryId, name: '江苏沙钢集团', commodity: 'rebar', terms: termsInput(), actor: exchange, at } })
      .then([approved]);
    deciderSpec(factoryDecider)
      .given([])
      .when({
        type: 'ApproveFactory',
        data: { factoryId, name: 'x', commodity: 'rebar', terms: termsInput({ effectiveFrom: '2026-12-07' as LocalDate }), actor: exchange, at },
      })
      .thenRefusedWith('TERMS_EFFECTIVE_DATE_PAST', { today: '2026-12-08' });
    const twoHomes = termsInput({ pickupLocations: [terms.pickupLocations[0]!, { ...terms.pickupLocations[1]!, kind: 'home' }] });
    deciderSpec(factoryDecider)
      .given([])
      .when({ type: 'ApproveFactory', data: { factoryId, name: 'x', commodity: 'rebar', terms: twoHomes, actor: exchange, at } })
      .thenRefusedWith('HOME_PICKUP_LOCATION_REQUIRED', { homes: 2 });
    deciderSpec(factoryDecider)
      .given([])
      .when({ type: 'ApproveFactory', data: { factoryId, name: 'x', commodity: 'rebar', terms: termsInput(), actor: factory, at } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    deciderSpec(factoryDecider)
      .given([approved])
      .when({ type: 'ApproveFactory', data: { factoryId, name: 'x', commodity: 'rebar', terms: termsInput(), actor: exchange, at } })
      .thenRefusedWith('FACTORY_ALREADY_APPROVED');
  });

  it('the version in force on a day is the latest effective on or before it; a later correction for the same day wins', () => {
    const december21 = { ...terms, effectiveFrom: '2026-12-21' as LocalDate, approvedCapacityTonnes: 12_000 };
    const corrected = { ...december21, approvedCapacityTonnes: 12_500 };
    const versions = [terms, december21, corrected];
    expect(termsInForce(versions, '2026-12-07' as LocalDate)).toBeNull();
    expect(termsInForce(versions, '2026-12-20' as LocalDate)?.approvedCapacityTonnes).toBe(10_000);
    expect(termsInForce(versions, '2026-12-21' as LocalDate)?.approvedCapacityTonnes).toBe(12_500);
  });

  it('refuses a capacity below the tonnes issued and not cancelled', () => {
    // 6,000 t issued: a capacity of 5,999 t would leave issued receipts unbacked; 6,000 t is allowed.
    const history = [approved, guaranteed(), applied('a1', 6_000), approval('a1', 6_000, 6_000)];
    const change = (approvedCapacityTonnes: number): FactoryCommand => ({
      type: 'ChangeFactoryTerms',
      data: { factoryId, terms: termsInput({ effectiveFrom: '2026-12-10' as LocalDate, approvedCapacityTonnes }), actor: exchange, at },
    });
    deciderSpec(factoryDecider).given(history).when(change(5_999)).thenRefusedWith('CAPACITY_BELOW_ISSUED', { issuedTonnes: 6_000 });
    deciderSpec(factoryDecider)
      .given(history)
      .when(change(6_000))
      .then([
        {
          type: 'FactoryTermsChanged',
          data: { factoryId, terms: { ...terms, effectiveFrom: '2026-12-10' as LocalDate, approvedCapacityTonnes: 6_000 }, actor: exchange, at },
        },
      ]);
  });

  it('a factory acts only on itself: another factory answers as a factory that does not exist', () => {
    deciderSpec(factoryDecider)
      .given([approved, guaranteed()])
      .when(apply('a1', {}, otherFactory))
      .thenRefusedWith('FACTORY_NOT_FOUND');
  });
});

describe('guarantees (art. 6, 32)', () => {
  const provide = (amountFen: number, validTo = '2027-06-30'): FactoryCommand => ({
    type: 'ProvideGuarantee',
    data: { factoryId, guarantee: { ...fullGuarantee, amountFen, validTo }, actor: factory, at },
  });

  it('a guarantee covers the approved capacity at the exchange value per tonne: 10,000 t × 50,000 fen = 500,000,000 fen', () => {
    deciderSpec(factoryDecider).given([approved]).when(provide(499_999_999)).thenRefusedWith('GUARANTEE_BELOW_REQUIRED', { requiredFen: 500_000_000 });
    deciderSpec(factoryDecider).given([approved]).when(provide(500_000_000)).then([guaranteed()]);
    deciderSpec(factoryDecider).given([approved]).when(provide(500_000_000, '2026-12-07')).thenRefusedWith('GUARANTEE_EXPIRED');
  });

  it('while an adjustment is demanded the guarantee must reach the demanded amount, and no application is approved until it does', () => {
    const demanded: FactoryEvent = {
      type: 'GuaranteeAdjustmentDemanded',
      data: { factoryId, requiredFen: 600_000_000, deadline: '2026-12-15' as LocalDate, reason: 'rebar up 20%', actor: exchange, at },
    };
    const history = [approved, guaranteed(), applied('a1', 1_000), demanded];
    deciderSpec(factoryDecider).given(history).when(approve('a1')).thenRefusedWith('GUARANTEE_ADJUSTMENT_UNMET', { requiredFen: 600_000_000 });
    // max(capacity 500,000,000, demanded 600,000,000) = 600,000,000 fen.
    deciderSpec(factoryDecider).given(history).when(provide(550_000_000)).thenRefusedWith('GUARANTEE_BELOW_REQUIRED', { requiredFen: 600_000_000 });
    deciderSpec(factoryDecider)
      .given([...history, guaranteed({ ...fullGuarantee, amountFen: 600_000_000 })])
      .when(approve('a1'))
      .then([approval('a1', 1_000, 1_000)]);
  });

  it('after cancellations the factory may ask to reduce, never below the tonnes issued × value per tonne, and the exchange approves', () => {
    // 6,000 t issued × 50,000 fen = 300,000,000 fen is the floor.
    const history = [approved, guaranteed(), applied('a1', 6_000), approval('a1', 6_000, 6_000)];
    const ask = (requestedFen: number): FactoryCommand => ({
      type: 'RequestGuaranteeReduction',
      data: { factoryId, requestedFen, reason: 'receipts cancelled', actor: factory, at },
    });
    deciderSpec(factoryDecider).given(history).when(ask(299_999_999)).thenRefusedWith('GUARANTEE_REDUCTION_BELOW_ISSUED', { floorFen: 300_000_000 });
    deciderSpec(factoryDecider).given(history).when(ask(500_000_000)).thenRefusedWith('GUARANTEE_REDUCTION_NOT_LOWER');
    const requested: FactoryEvent = {
      type: 'GuaranteeReductionRequested',
      data: { factoryId, requestedFen: 300_000_000, reason: 'receipts cancelled', actor: factory, at },
    };
    deciderSpec(factoryDecider).given(history).when(ask(300_000_000)).then([requested]);
    const approveReduction: FactoryCommand = { type: 'ApproveGuaranteeReduction', data: { factoryId, actor: exchange, at } };
    deciderSpec(factoryDecider).given(history).when(approveReduction).thenRefusedWith('NO_REDUCTION_REQUESTED');
    deciderSpec(factoryDecider)
      .given([...history, requested])
      .when(approveReduction)
      .then([{ type: 'GuaranteeReduced', data: { factoryId, amountFen: 300_000_000, actor: exchange, at } }]);
  });
});

describe('issuance applications (art. 5–8)', () => {
  it('needs a guarantee lodged before or with the application', () => {
    deciderSpec(factoryDecider).given([approved]).when(apply('a1')).thenRefusedWith('GUARANTEE_MISSING');
    const withGuarantee: FactoryCommand = {
      type: 'ApplyForIssuance',
      data: { factoryId, applicationId: 'a1', request, guarantee: fullGuarantee, actor: factory, at, calendar: cnMainlandCalendar },
    };
    deciderSpec(factoryDecider)
      .given([approved])
      .when(withGuarantee)
      .then([guaranteed(), applied('a1', 1_000)]);
  });

  it('names the factory commodity and a brand and grade of the terms in force', () => {
    const history = [approved, guaranteed()];
    deciderSpec(factoryDecider)
      .given(history)
      .when(apply('a1', { commodity: 'wire_rod' }))
      .thenRefusedWith('ISSUANCE_COMMODITY_MISMATCH');
    deciderSpec(factoryDecider)
      .given(history)
      .when(apply('a1', { brand: '永钢' }))
      .thenRefusedWith('ISSUANCE_BRAND_NOT_APPROVED');
    deciderSpec(factoryDecider)
      .given(history)
      .when(apply('a1', { grade: 'HRB500E' }))
      .thenRefusedWith('ISSUANCE_GRADE_NOT_APPROVED');
    deciderSpec(factoryDecider)
      .given(history)
      .when(apply('a1', { tonnes: 0 }))
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    deciderSpec(factoryDecider)
      .given([...history, applied('a1', 1_000)])
      .when(apply('a1'))
      .thenRefusedWith('ISSUANCE_ALREADY_EXISTS');
  });

  it('the exchange decides within three trading days: across National Day 2026 and its make-up Saturday', () => {
    // Applied Wed 2026-09-30. 10-01..10-07 are the National Day holiday; Thu 10-08 is trading day 1,
    // Fri 10-09 day 2; Sat 10-10 is a make-up WORKING day but the exchange is closed, Sun 10-11 too;
    // Mon 10-12 is trading day 3.
    expect(decisionDueOf('2026-09-30' as LocalDate, cnMainlandCalendar)).toBe('2026-10-12');
    // An ordinary week: applied Thu 2026-12-03 → Fri 12-04 (1), Mon 12-07 (2), Tue 12-08 (3).
    expect(decisionDueOf('2026-12-03' as LocalDate, cnMainlandCalendar)).toBe('2026-12-08');
    // 2026-09-29T16:30Z is 00:30 on 09-30 in Shanghai: the Shanghai day counts, so the same 10-12.
    const september = '2026-09-29T16:30:00.000Z';
    const approvedInAugust: FactoryApproved = {
      type: 'FactoryApproved',
      data: { ...(approved.data as ApprovedData), terms: { ...terms, effectiveFrom: '2026-08-01' as LocalDate } },
    };
    deciderSpec(factoryDecider)
      .given([approvedInAugust, guaranteed()])
      .when(apply('a1', {}, factory, september))
      .then([
        { type: 'IssuanceApplied', data: { factoryId, applicationId: 'a1', request, decisionDue: '2026-10-12' as LocalDate, actor: factory, at: september } },
      ]);
  });

  it('approval needs the capacity: issued and not cancelled + this ≤ approved capacity (9,000 + 1,000 ≤ 10,000; 9,000 + 1,001 is not)', () => {
    const history = [approved, guaranteed(), applied('a1', 9_000), approval('a1', 9_000, 9_000), applied('a2', 1_000), applied('a3', 1_001)];
    deciderSpec(factoryDecider)
      .given(history)
      .when(approve('a3'))
      .thenRefusedWith('ISSUANCE_EXCEEDS_CAPACITY', { approvedCapacityTonnes: 10_000, issuedTonnes: 9_000, tonnes: 1_001 });
    deciderSpec(factoryDecider)
      .given(history)
      .when(approve('a2'))
      .then([approval('a2', 1_000, 10_000)]);
  });

  it('approval needs the guarantee to hold: valid today and covering the tonnes issued with this one', () => {
    // Reduced to 200,000,000 fen: covers 200,000,000 / 50,000 = 4,000 t; 5,000 t would need 250,000,000 fen.
    const reduced: FactoryEvent = { type: 'GuaranteeReduced', data: { factoryId, amountFen: 200_000_000, actor: exchange, at } };
    const history = [approved, guaranteed(), reduced, applied('a1', 5_000), applied('a2', 4_000)];
    deciderSpec(factoryDecider)
      .given(history)
      .when(approve('a1'))
      .thenRefusedWith('GUARANTEE_INSUFFICIENT', { requiredFen: 250_000_000, amountFen: 200_000_000 });
    deciderSpec(factoryDecider)
      .given(history)
      .when(approve('a2'))
      .then([approval('a2', 4_000, 4_000)]);
    // Valid to 2027-06-30: on 2027-07-01 (Shanghai) it has lapsed.
    deciderSpec(factoryDecider)
      .given([approved, guaranteed(), applied('a1', 1_000)])
      .when(approve('a1', '2027-06-30T16:00:00.000Z'))
      .thenRefusedWith('GUARANTEE_LAPSED');
  });

  it('an application is decided once, and only the exchange decides', () => {
    const history = [approved, guaranteed(), applied('a1', 1_000), approval('a1', 1_000, 1_000)];
    deciderSpec(factoryDecider).given(history).when(approve('a1')).thenRefusedWith('ISSUANCE_NOT_PENDING', { status: 'approved' });
    deciderSpec(factoryDecider)
      .given(history)
      .when({ type: 'RejectIssuance', data: { factoryId, applicationId: 'a1', reason: 'late', actor: exchange, at } })
      .thenRefusedWith('ISSUANCE_NOT_PENDING');
    deciderSpec(factoryDecider).given(history).when(approve('nope')).thenRefusedWith('ISSUANCE_NOT_FOUND');
    expect(
      refusalOf(() =>
        factoryDecider.decide({ type: 'ApproveIssuance', data: { factoryId, applicationId: 'a1', actor: factory, at } }, factoryDecider.initialState()),
      ),
    ).toMatchObject({
      code: 'ACTOR_ROLE_FORBIDDEN',
    });
    deciderSpec(factoryDecider)
      .given([approved, guaranteed(), applied('a2', 1_000)])
      .when({ type: 'RejectIssuance', data: { factoryId, applicationId: 'a2', reason: 'brand under review', actor: exchange, at } })
      .then([{ type: 'IssuanceRejected', data: { factoryId, applicationId: 'a2', reason: 'brand under review', actor: exchange, at } }]);
  });

  it('a pending application past its decision day is flagged overdue once, from the first Shanghai minute after it', () => {
    const history = [approved, guaranteed(), applied('a1', 1_000, '2026-10-12')];
    const sweep = (when: string): FactoryCommand => ({ type: 'MarkIssuanceOverdue', data: { factoryId, applicationId: 'a1', actor: system, at: when } });
    // 2026-10-12T15:59Z is 23:59 on the decision day in Shanghai: not late yet.
    deciderSpec(factoryDecider).given(history).when(sweep('2026-10-12T15:59:00.000Z')).then([]);
    // 16:00Z is 00:00 on 10-13 in Shanghai: overdue.
    const overdue: FactoryEvent = {
      type: 'IssuanceDecisionOverdue',
      data: { factoryId, applicationId: 'a1', decisionDue: '2026-10-12' as LocalDate, at: '2026-10-12T16:00:00.000Z' },
    };
    deciderSpec(factoryDecider).given(history).when(sweep('2026-10-12T16:00:00.000Z')).then([overdue]);
    deciderSpec(factoryDecider)
      .given([...history, overdue])
      .when(sweep('2026-10-14T02:00:00.000Z'))
      .then([]);
    deciderSpec(factoryDecider)
      .given([...history, approval('a1', 1_000, 1_000)])
      .when(sweep('2026-10-14T02:00:00.000Z'))
      .then([]);
  });
});
