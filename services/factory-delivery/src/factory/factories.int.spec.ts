import { fromBinary } from '@bufbuild/protobuf';
import {
  FactoryApprovedSchema,
  factoryFactoryTopic,
  FactoryGuaranteeProvidedSchema,
  FactoryIssuanceAppliedSchema,
  FactoryIssuanceApprovedSchema,
  FactoryIssuanceDecisionOverdueSchema,
  FactoryIssuanceRejectedSchema,
  factoryIssuanceTopic,
  FactoryTermsChangedSchema,
  topicName,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { signRequest } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { depositor, EXCHANGE, FACTORY_READ_MODELS, FactoryTestApp, SHAGANG, YONGGANG } from '../testing/factory-test-app.spec-helper';
import { IssuanceOverdueSweep } from './commands/overdue-sweep/issuance-overdue-sweep';

/**
 * Factory warehouses over the signed exchange and factory APIs and the holders' reads, on the real
 * PostgreSQL and Kafka, read back from factory-delivery.factory.v1 and factory-delivery.issuance.v1. Tuesday
 * 2026-12-08, 10:00 in Shanghai.
 */
describe('factory warehouses, guarantees and issuance applications', () => {
  const clock = new ManualClock('2026-12-08T02:00:00Z');
  let app: FactoryTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await FactoryTestApp.start('factories', clock);
    recorder = await new TopicRecorder(testMessageBus(), [topicName(factoryFactoryTopic, app.prefix), topicName(factoryIssuanceTopic, app.prefix)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const published = (typeName: string, count: number) =>
    waitFor(
      () => {
        const found = recorder.messages.filter((message) => message.headers.ce_type === typeName);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 60_000, describe: `${count} ${typeName}` },
    );

  // 10,000 t at 50,000 fen per tonne: the guarantee must hold 10,000 × 50,000 = 500,000,000 fen.
  const terms = {
    effectiveFrom: '2026-12-08',
    approvedCapacityTonnes: 10_000,
    dailyShippingTonnes: 500,
    brands: ['沙钢'],
    grades: ['HRB400E'],
    pickupLocations: [
      { locationId: 'zhangjiagang', name: '张家港本部', kind: 'home', benchmark: true, premiumPerTonneFen: 0 },
      { locationId: 'shanghai-baoshan', name: '上海宝山库', kind: 'non_home', benchmark: false, premiumPerTonneFen: -2_000 },
    ],
    guaranteePerTonneFen: 50_000,
  };
  const approval = { factoryId: 'shagang', name: '江苏沙钢集团', commodity: 'rebar', terms };
  const guarantee = { letterNumber: 'BG-2026-001', issuingBank: '中国银行苏州分行', amountFen: 500_000_000, validTo: '2027-06-30' };
  const application = { commodity: 'rebar', grade: 'HRB400E', brand: '沙钢', member: 'M0101', owner: 'shagang-trading', tonnes: 9_000 };

  it('takes the exchange’s approval only signed: unsigned, stale and replayed calls and another role are refused before anything is written', async () => {
    const path = '/integration/factories';
    const body = JSON.stringify(approval);
    const unsigned = await app.send('POST', path, body, { 'idempotency-key': 'k-unsigned' });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    const staleHeaders = signRequest({
      clientId: EXCHANGE.id,
      secret: EXCHANGE.secret,
      method: 'POST',
      path,
      body,
      clock: new ManualClock('2026-12-08T01:54:59Z'),
    });
    const stale = await app.signed(EXCHANGE, 'POST', path, approval, { headers: staleHeaders });
    expect([stale.status, stale.body.code]).toEqual([401, 'REQUEST_STALE']);
    const asFactory = await app.signed(SHAGANG, 'POST', path, approval);
    expect([asFactory.status, asFactory.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const person = await app.as(depositor('P1'), 'POST', path, approval, { 'idempotency-key': 'k-person' });
    expect(person.status).toBe(401);
    expect((await app.as(depositor('P1'), 'GET', '/factories')).body.items).toEqual([]);

    const headers = signRequest({ clientId: EXCHANGE.id, secret: EXCHANGE.secret, method: 'POST', path, body, clock });
    const approved = await app.signed(EXCHANGE, 'POST', path, approval, { headers, idempotencyKey: 'k-approve' });
    expect(approved.status).toBe(201);
    const replayed = await app.signed(EXCHANGE, 'POST', path, approval, { headers, idempotencyKey: 'k-approve-again' });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'NONCE_REPLAYED']);
    expect((await published(FactoryApprovedSchema.typeName, 1)).length).toBe(1);
  });

  it('refuses malformed terms naming the field: unknown fields, wrong types, out-of-range numbers, a past effective date, two home locations', async () => {
    const path = '/integration/factories/shagang/terms';
    const unknown = await app.signed(EXCHANGE, 'POST', path, { ...terms, effectiveFrom: '2026-12-21', colour: 'red' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const wrongType = await app.signed(EXCHANGE, 'POST', path, { ...terms, effectiveFrom: '2026-12-21', approvedCapacityTonnes: '12000' });
    expect([wrongType.status, wrongType.body.errors[0].field]).toEqual([400, 'approvedCapacityTonnes']);
    const fraction = await app.signed(EXCHANGE, 'POST', path, { ...terms, effectiveFrom: '2026-12-21', guaranteePerTonneFen: 50_000.5 });
    expect([fraction.status, fraction.body.errors[0].field]).toEqual([400, 'guaranteePerTonneFen']);
    const zero = await app.signed(EXCHANGE, 'POST', path, { ...terms, effectiveFrom: '2026-12-21', dailyShippingTonnes: 0 });
    expect([zero.status, zero.body.errors[0].field]).toEqual([400, 'dailyShippingTonnes']);
    const past = await app.signed(EXCHANGE, 'POST', path, { ...terms, effectiveFrom: '2026-12-07' });
    expect([past.status, past.body.code, past.body.field]).toEqual([422, 'TERMS_EFFECTIVE_DATE_PAST', 'effectiveFrom']);
    const twoHomes = await app.signed(EXCHANGE, 'POST', path, {
      ...terms,
      effectiveFrom: '2026-12-21',
      pickupLocations: terms.pickupLocations.map((location) => ({ ...location, kind: 'home' })),
    });
    expect([twoHomes.status, twoHomes.body.code]).toEqual([422, 'HOME_PICKUP_LOCATION_REQUIRED']);
    const missing = await app.signed(EXCHANGE, 'POST', '/integration/factories/nobody/terms', { ...terms, effectiveFrom: '2026-12-21' });
    expect([missing.status, missing.body.code]).toEqual([404, 'FACTORY_NOT_FOUND']);
    const again = await app.signed(EXCHANGE, 'POST', '/integration/factories', approval);
    expect([again.status, again.body.code]).toEqual([409, 'FACTORY_ALREADY_APPROVED']);
  });

  it('versions the terms by effective date: holders see 10,000 t until 2026-12-20 and 12,000 t from 2026-12-21', async () => {
    const changed = await app.signed(EXCHANGE, 'POST', '/integration/factories/shagang/terms', {
      ...terms,
      effectiveFrom: '2026-12-21',
      approvedCapacityTonnes: 12_000,
    });
    expect([changed.status, changed.body.termsInForce.approvedCapacityTonnes, changed.body.versions.length]).toEqual([201, 10_000, 2]);
    const holder = depositor('P1');
    expect((await app.as(holder, 'GET', '/factories/shagang?on=2026-12-20')).body.termsInForce.approvedCapacityTonnes).toBe(10_000);
    expect((await app.as(holder, 'GET', '/factories/shagang?on=2026-12-21')).body.termsInForce.approvedCapacityTonnes).toBe(12_000);
    expect((await app.as(holder, 'GET', '/factories/shagang?on=2026-12-07')).body.termsInForce).toBeNull();
    expect((await app.as(holder, 'GET', '/factories/shagang?on=21-12-2026')).status).toBe(400);
    const list = await app.as(holder, 'GET', '/factories');
    expect(
      list.body.items.map((factory: { factoryId: string; termsInForce: { approvedCapacityTonnes: number } }) => [
        factory.factoryId,
        factory.termsInForce.approvedCapacityTonnes,
      ]),
    ).toEqual([['shagang', 10_000]]);
    expect((await app.signed(YONGGANG, 'GET', '/integration/factories/shagang')).body.versions).toHaveLength(2);
    const [message] = await published(FactoryTermsChangedSchema.typeName, 1);
    const event = fromBinary(FactoryTermsChangedSchema, message!.value);
    expect([message!.key, event.terms?.approvedCapacityTonnes, event.terms?.effectiveFrom?.value]).toEqual(['shagang', 12_000n, '2026-12-21']);
  });

  it('a guarantee must cover the approved capacity (10,000 t × 50,000 fen = 500,000,000 fen); another factory answers as if shagang did not exist', async () => {
    const short = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/guarantees', { ...guarantee, amountFen: 499_999_999 });
    expect([short.status, short.body.code, short.body.details.requiredFen]).toEqual([422, 'GUARANTEE_BELOW_REQUIRED', 500_000_000]);
    const foreign = await app.signed(YONGGANG, 'POST', '/integration/factories/shagang/guarantees', guarantee);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'FACTORY_NOT_FOUND']);
    expect((await app.signed(YONGGANG, 'GET', '/integration/factories/shagang/guarantee')).status).toBe(404);
    const lodged = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/guarantees', guarantee);
    expect([lodged.status, lodged.body.amountFen]).toEqual([201, 500_000_000]);
    const [message] = await published(FactoryGuaranteeProvidedSchema.typeName, 1);
    expect(fromBinary(FactoryGuaranteeProvidedSchema, message!.value).amount?.fen).toBe(500_000_000n);
  });

  it('approves within capacity and refuses beyond it with no state change: 9,000 t approved, then 1,001 t more exceeds 10,000 t', async () => {
    // Applied Tue 2026-12-08: Wed 12-09 (1), Thu 12-10 (2), Fri 12-11 (3) is the decision day.
    const first = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/issuance-applications', application);
    expect([first.status, first.body.status, first.body.decisionDue]).toEqual([201, 'pending', '2026-12-11']);
    const approved = await app.signed(EXCHANGE, 'POST', `/integration/factories/shagang/issuance-applications/${first.body.applicationId}/approval`);
    expect([approved.status, approved.body.status, approved.body.issuedTonnes]).toEqual([200, 'approved', 9_000]);
    const second = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/issuance-applications', { ...application, tonnes: 1_001 });
    const beyond = await app.signed(EXCHANGE, 'POST', `/integration/factories/shagang/issuance-applications/${second.body.applicationId}/approval`);
    expect([beyond.status, beyond.body.code, beyond.body.details]).toEqual([
      409,
      'ISSUANCE_EXCEEDS_CAPACITY',
      { approvedCapacityTonnes: 10_000, issuedTonnes: 9_000, tonnes: 1_001 },
    ]);
    expect((await app.signed(SHAGANG, 'GET', '/integration/factories/shagang/guarantee')).body.issuedTonnes).toBe(9_000);
    const rejected = await app.signed(EXCHANGE, 'POST', `/integration/factories/shagang/issuance-applications/${second.body.applicationId}/rejection`, {
      reason: 'over capacity',
    });
    expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
    const twice = await app.signed(EXCHANGE, 'POST', `/integration/factories/shagang/issuance-applications/${first.body.applicationId}/approval`);
    expect([twice.status, twice.body.code]).toEqual([409, 'ISSUANCE_NOT_PENDING']);
    const unknown = await app.signed(EXCHANGE, 'POST', '/integration/factories/shagang/issuance-applications/nope/approval');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ISSUANCE_NOT_FOUND']);
    const badBrand = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/issuance-applications', { ...application, brand: '永钢' });
    expect([badBrand.status, badBrand.body.code, badBrand.body.field]).toEqual([422, 'ISSUANCE_BRAND_NOT_APPROVED', 'brand']);
    const negative = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/issuance-applications', { ...application, tonnes: -5 });
    expect([negative.status, negative.body.errors[0].field]).toEqual([400, 'tonnes']);

    const [applied] = await published(FactoryIssuanceAppliedSchema.typeName, 1);
    expect([applied!.key, fromBinary(FactoryIssuanceAppliedSchema, applied!.value).decisionDue?.value]).toEqual([first.body.applicationId, '2026-12-11']);
    const [approvedMessage] = await published(FactoryIssuanceApprovedSchema.typeName, 1);
    expect(fromBinary(FactoryIssuanceApprovedSchema, approvedMessage!.value).issuedTonnes).toBe(9_000n);
    const [rejectedMessage] = await published(FactoryIssuanceRejectedSchema.typeName, 1);
    expect(rejectedMessage!.key).toBe(second.body.applicationId);
  });

  it('while an adjustment demanded is unmet, approval is refused; a guarantee of the demanded amount lifts it', async () => {
    const pending = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/issuance-applications', { ...application, tonnes: 500 });
    const demanded = await app.signed(EXCHANGE, 'POST', '/integration/factories/shagang/guarantee-adjustments', {
      requiredFen: 600_000_000,
      deadline: '2026-12-15',
      reason: 'rebar up 20%',
    });
    expect([demanded.status, demanded.body.demandedFen]).toEqual([201, 600_000_000]);
    const refused = await app.signed(EXCHANGE, 'POST', `/integration/factories/shagang/issuance-applications/${pending.body.applicationId}/approval`);
    expect([refused.status, refused.body.code]).toEqual([409, 'GUARANTEE_ADJUSTMENT_UNMET']);
    const met = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/guarantees', {
      ...guarantee,
      letterNumber: 'BG-2026-002',
      amountFen: 600_000_000,
    });
    expect([met.status, met.body.demandedFen]).toEqual([201, null]);
    // 9,000 + 500 = 9,500 t ≤ 10,000 t; 9,500 × 50,000 = 475,000,000 fen ≤ 600,000,000 fen.
    const approved = await app.signed(EXCHANGE, 'POST', `/integration/factories/shagang/issuance-applications/${pending.body.applicationId}/approval`);
    expect([approved.status, approved.body.issuedTonnes]).toEqual([200, 9_500]);
  });

  it('the sweep raises IssuanceDecisionOverdue once for an application still pending after its decision day', async () => {
    const late = await app.signed(SHAGANG, 'POST', '/integration/factories/shagang/issuance-applications', { ...application, tonnes: 100 });
    expect(late.body.decisionDue).toBe('2026-12-11');
    await app.readModelsCaughtUp();
    const sweep = app.app.get(IssuanceOverdueSweep);
    // 2026-12-11T15:59Z is 23:59 on the decision day in Shanghai: not overdue yet.
    clock.set(new Date('2026-12-11T15:59:00Z'));
    await sweep.tick();
    // 16:00Z is 00:00 on Saturday 12-12 in Shanghai.
    clock.set(new Date('2026-12-11T16:00:00Z'));
    await sweep.tick();
    await app.readModelsCaughtUp();
    await sweep.tick();
    const [overdue] = await published(FactoryIssuanceDecisionOverdueSchema.typeName, 1);
    expect([overdue!.key, fromBinary(FactoryIssuanceDecisionOverdueSchema, overdue!.value).decisionDue?.value]).toEqual([
      late.body.applicationId,
      '2026-12-11',
    ]);
    const { rows } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE event_type = 'IssuanceDecisionOverdue'`);
    expect(rows[0]!.n).toBe(1);
    const listed = await app.signed(EXCHANGE, 'GET', '/integration/factories/shagang/issuance-applications?status=pending');
    expect(listed.body.items.map((item: { applicationId: string; overdue: boolean }) => [item.applicationId, item.overdue])).toEqual([
      [late.body.applicationId, true],
    ]);
  });

  it('rebuilds every read model from the log, equal row for row to the live ones', async () => {
    const { live, rebuilt } = await app.liveAndRebuilt(FACTORY_READ_MODELS);
    expect(live.factories).toHaveLength(1);
    expect(live.factory_terms).toHaveLength(2);
    expect(live.issuance_applications).toHaveLength(4);
    expect(rebuilt).toEqual(live);
  });
});
