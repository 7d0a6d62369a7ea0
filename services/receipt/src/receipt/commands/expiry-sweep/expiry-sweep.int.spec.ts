import { fromBinary } from '@bufbuild/protobuf';
import { receiptReceiptTopic, ReceiptExpiredSchema } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { BANK, EXCHANGE, ReceiptTestApp } from '../../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, depositor, ops } from '../../../testing/receipt-scenario.spec-helper';
import { ExpirySweepScheduler } from './expiry-sweep.scheduler';

/**
 * Expiry on real PostgreSQL and Kafka: the sweep, driven by the injected clock, flags receipts
 * past validity (valid through D inclusive, expired from D + 1, Shanghai dates), is idempotent,
 * publishes ReceiptExpired with the last trading day from the holiday calendar, and expired
 * receipts are refused transfer, pledge and pickup (spot conversion only).
 */
describe('expiry sweep', () => {
  // 2026-03-10 10:00 Shanghai.
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let recorder: TopicRecorder;
  const holder = depositor('party-hengda');
  const holderName = '恒达钢铁贸易有限公司';
  let card: string;
  let buyerCard: string;
  let early: string;
  let late: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('expiry', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    card = await scenario.openCard(holder, holderName);
    buyerCard = await scenario.openCard(depositor('party-buyer'), '买方有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([
      // Produced 03-01: + 90 days = 05-30 (30 days to 03-31, 30 in April, 30 more in May), a Saturday.
      { lotId: 'E1', ownerCard: card, weightKg: 10_000, producedOn: '2026-03-01' },
      // Produced 03-08: + 90 days = 06-06, also a Saturday.
      { lotId: 'E2', ownerCard: card, weightKg: 20_000, producedOn: '2026-03-08' },
    ]);
    [early, late] = await scenario.issue(card, [['E1'], ['E2']]);
    recorder = await new TopicRecorder(testMessageBus(), [app.topic(receiptReceiptTopic)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  it('flags nothing on the last valid day, then the receipt the day after, once', async () => {
    expect((await app.as(ops, 'GET', `/receipts/${early}`)).body).toMatchObject({ validUntil: '2026-05-30', lastTradingDay: '2026-05-29' });
    // 2026-05-30 23:59 Shanghai is still the last valid day.
    clock.set('2026-05-30T15:59:00Z');
    await app.projectionsCaughtUp();
    expect((await app.as(ops, 'POST', '/expiry-sweeps', {})).body).toEqual({ asOf: '2026-05-30', flagged: [] });

    // One minute later it is 05-31 in Shanghai (still 05-30 in UTC).
    clock.set('2026-05-30T16:00:00Z');
    expect((await app.as(ops, 'POST', '/expiry-sweeps', {})).body).toEqual({ asOf: '2026-05-31', flagged: [early] });
    await app.projectionsCaughtUp();
    expect((await app.as(ops, 'POST', '/expiry-sweeps', {})).body).toEqual({ asOf: '2026-05-31', flagged: [] });
    expect((await app.as(ops, 'GET', `/receipts/${early}`)).body.status).toBe('expired');
    expect((await app.as(ops, 'GET', `/receipts/${late}`)).body.status).toBe('outstanding');
  });

  it('publishes the expiry with the last trading day within validity (Sat 05-30 → Fri 05-29)', async () => {
    const message = await waitFor(() => recorder.messages.find((m) => m.headers.ce_type === ReceiptExpiredSchema.typeName && m.key === `receipt-${early}`), {
      describe: 'ReceiptExpired on the receipt topic',
    });
    const expired = fromBinary(ReceiptExpiredSchema, message.value);
    expect(expired).toMatchObject({
      receiptNumber: early,
      asOf: { value: '2026-05-31' },
      validUntil: { value: '2026-05-30' },
      lastTradingDay: { value: '2026-05-29' },
      holder: { storageCard: card, holderName },
      flaggedBy: { subject: 'expiry-sweep', role: 'system' },
    });
    expect(expired.goods?.weight?.kg).toBe(10_000n);
  });

  it('refuses to transfer, pledge or pick up against an expired receipt; it leaves as spot goods', async () => {
    const before = await scenario.eventCount();
    const transfer = await scenario.transfer(holder, { holderName, storageCard: card }, buyerCard, [early]);
    expect([transfer.status, transfer.body.code]).toEqual([409, 'RECEIPT_EXPIRED']);
    const pledge = await app.as(holder, 'POST', `/receipts/${early}/pledges`, { bank: { partyId: BANK.id, name: BANK.name }, reason: 'loan' });
    expect([pledge.status, pledge.body.code]).toEqual([409, 'RECEIPT_EXPIRED']);
    const delivery = await app.signed(EXCHANGE, 'POST', `/integration/receipts/${early}/holds`, { kind: 'delivery', reason: 'RB2606' });
    expect([delivery.status, delivery.body.code]).toEqual([409, 'RECEIPT_EXPIRED']);
    const pickup = await scenario.cancel(holder, early, 'pickup');
    expect([pickup.status, pickup.body.code]).toEqual([409, 'RECEIPT_EXPIRED']);
    expect(await scenario.eventCount()).toBe(before);

    const spot = await scenario.cancel(holder, early, 'spot-conversion');
    expect(spot.body).toMatchObject({ status: 'cancelled', purpose: 'spot-conversion', entitlementId: `ENT-${early}` });
  });

  it('the schedule sweeps as of the clock’s Shanghai date; ops cannot sweep a future date', async () => {
    // 2026-06-07 08:00 Shanghai: the day after 06-06.
    clock.set('2026-06-07T00:00:00Z');
    await app.projectionsCaughtUp();
    const future = await app.as(ops, 'POST', '/expiry-sweeps', { asOf: '2026-06-08' });
    expect([future.status, future.body.code, future.body.field]).toEqual([422, 'EXPIRY_AS_OF_IN_FUTURE', 'asOf']);
    const byDepositor = await app.as(holder, 'POST', '/expiry-sweeps', {});
    expect([byDepositor.status, byDepositor.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);

    await app.app.get(ExpirySweepScheduler).tick();
    expect((await app.as(ops, 'GET', `/receipts/${late}`)).body.status).toBe('expired');
    const history = await app.signed(EXCHANGE, 'GET', `/integration/exchange/receipts/${late}/history`);
    expect(history.body.events.at(-1)).toMatchObject({
      type: 'ReceiptExpired',
      actor: { subject: 'expiry-sweep', role: 'system' },
      data: { asOf: '2026-06-07', validUntil: '2026-06-06' },
    });
  });
});
