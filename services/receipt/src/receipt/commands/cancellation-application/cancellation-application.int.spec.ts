import { fromBinary } from '@bufbuild/protobuf';
import {
  EntitlementPurpose,
  OutboundEntitlementGrantedSchema,
  ReceiptCancellationAppliedSchema,
  ReceiptCancellationRejectedSchema,
  ReceiptCancellationWithdrawnSchema,
  ReceiptCancelledSchema,
  receiptEntitlementTopic,
  receiptReceiptTopic,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { BANK, COURT, ReceiptTestApp } from '../../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor, manager } from '../../../testing/receipt-scenario.spec-helper';

/**
 * Cancellation (注销) as a process over HTTP on real PostgreSQL and Kafka (指定钢材厂库交割办法
 * 第十二条、第十八条): the holder applies, the warehouse processes once the storage fees are paid
 * through today, and the outbound entitlement reaches Kafka; meanwhile the receipt does not move;
 * the holder may withdraw and the warehouse may reject.
 */
describe('cancellation application', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let recorder: TopicRecorder;
  const holder = depositor('party-hengda');
  const other = depositor('party-huadong');
  const holderName = '恒达钢铁贸易有限公司';
  let card: string;
  let otherCard: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('cancelapp', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    card = await scenario.openCard(holder, holderName);
    otherCard = await scenario.openCard(other, '华东建材有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-11-20');
    await scenario.lotsBecomeAvailable([
      { lotId: 'C1', ownerCard: card, weightKg: 10_000, producedOn: '2026-11-10' },
      { lotId: 'C2', ownerCard: card, weightKg: 6_000, producedOn: '2026-11-11' },
      { lotId: 'C3', ownerCard: card, weightKg: 4_000, producedOn: '2026-11-12' },
    ]);
    recorder = await new TopicRecorder(testMessageBus(), [app.topic(receiptReceiptTopic), app.topic(receiptEntitlementTopic)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const publicOf = (receiptNumber: string) => recorder.messages.filter((m) => m.key === `receipt-${receiptNumber}`).map((m) => m.headers.ce_type);

  it('the holder applies, processing is refused until fees are paid through today, then OutboundEntitlementGranted reaches Kafka', async () => {
    const [receipt] = await scenario.issue(card, [['C1']], { feesPaidThrough: '2026-12-06' });

    const applied = await app.as(holder, 'POST', `/receipts/${receipt}/cancellation-application`, { purpose: 'pickup' });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      receiptNumber: receipt,
      status: 'outstanding',
      cancellationApplication: { purpose: 'pickup', appliedAt: '2026-11-20T02:00:00.000Z', appliedBy: { role: 'depositor', partyId: 'party-hengda' } },
    });
    // The warehouse's queue shows the pending application; the receipt is still the holder's.
    const queue = (await app.as(clerk, 'GET', '/receipts?cancellation=applied')).body.items;
    expect(queue).toEqual([
      expect.objectContaining({
        receiptNumber: receipt,
        status: 'outstanding',
        holder: expect.objectContaining({ storageCard: card }),
        cancellationApplication: expect.objectContaining({ purpose: 'pickup', appliedAt: '2026-11-20T02:00:00.000Z' }),
      }),
    ]);
    const byHolder = await app.as(holder, 'POST', `/receipts/${receipt}/cancellation-application/process`);
    expect(byHolder.status).toBe(403);

    // 2026-12-06T16:30Z is 00:30 on 2026-12-07 in Shanghai (UTC+8): today is 12-07. Fees paid
    // through 12-06 leave 12-07's storage owed, so the warehouse may not process yet.
    clock.set('2026-12-06T16:30:00Z');
    const before = await scenario.eventCount();
    const unpaid = await app.as(clerk, 'POST', `/receipts/${receipt}/cancellation-application/process`);
    expect([unpaid.status, unpaid.body.code, unpaid.body.details]).toEqual([
      409,
      'STORAGE_FEES_UNPAID',
      { receiptNumber: receipt, paidThrough: '2026-12-06', today: '2026-12-07' },
    ]);
    expect(await scenario.eventCount()).toBe(before);

    // Billing records the fees paid through 12-07, today itself: nothing is owed.
    await scenario.recordStorageFeesPaid(receipt!, '2026-12-07', clock.now().toISOString());
    const processed = await app.as(manager, 'POST', `/receipts/${receipt}/cancellation-application/process`);
    expect([processed.status, processed.body]).toEqual([
      200,
      { receiptNumber: receipt, status: 'cancelled', purpose: 'pickup', entitlementId: `ENT-${receipt}`, version: expect.any(Number) },
    ]);

    const message = await waitFor(() => recorder.messages.find((m) => m.key === `ENT-${receipt}`), { describe: 'the entitlement on Kafka' });
    expect(message.headers.ce_type).toBe(OutboundEntitlementGrantedSchema.typeName);
    expect(fromBinary(OutboundEntitlementGrantedSchema, message.value)).toMatchObject({
      receiptNumber: receipt,
      holderStorageCard: card,
      purpose: EntitlementPurpose.PICKUP,
      grantedBy: { subject: 'manager-qian', role: 'manager' },
    });
    await waitFor(() => publicOf(receipt!).includes(ReceiptCancelledSchema.typeName), { describe: 'ReceiptCancelled on Kafka' });
    const appliedMessage = recorder.messages.find((m) => m.key === `receipt-${receipt}` && m.headers.ce_type === ReceiptCancellationAppliedSchema.typeName)!;
    expect(fromBinary(ReceiptCancellationAppliedSchema, appliedMessage.value)).toMatchObject({
      receiptNumber: receipt,
      purpose: EntitlementPurpose.PICKUP,
      holder: { storageCard: card, partyId: 'party-hengda' },
      appliedBy: { role: 'depositor' },
    });
    expect(publicOf(receipt!)).toEqual([expect.stringContaining('ReceiptIssued'), ReceiptCancellationAppliedSchema.typeName, ReceiptCancelledSchema.typeName]);
    await app.projectionsCaughtUp();
    expect((await app.as(clerk, 'GET', '/receipts?cancellation=applied')).body.items).toEqual([]);
    expect((await app.as(holder, 'GET', `/receipts/${receipt}`)).body).toMatchObject({ status: 'cancelled', cancellationApplication: null });
  });

  it('while applied the receipt does not move; the holder withdraws, applies again, and the warehouse rejects with a reason', async () => {
    const [receipt] = await scenario.issue(card, [['C2', 'C3']]);
    const base = `/receipts/${receipt}/cancellation-application`;
    expect((await app.as(holder, 'POST', base, { purpose: 'pickup' })).status).toBe(201);

    const before = await scenario.eventCount();
    const moves = [
      await scenario.transfer(holder, { holderName, storageCard: card }, otherCard, [receipt!]),
      await app.as(holder, 'POST', `/receipts/${receipt}/pledges`, { bank: { partyId: BANK.id, name: BANK.name }, reason: 'loan' }),
      await app.as(holder, 'POST', `/receipts/${receipt}/split`, {
        children: [
          { lotIds: ['C2'], weightKg: 6_000 },
          { lotIds: ['C3'], weightKg: 4_000 },
        ],
      }),
      await app.as(holder, 'POST', base, { purpose: 'spot-conversion' }),
    ];
    expect(moves.map((answer) => [answer.status, answer.body.code])).toEqual(Array(4).fill([409, 'CANCELLATION_PENDING']));
    expect((await app.as(other, 'POST', `${base}/withdraw`)).status).toBe(404);
    expect(await scenario.eventCount()).toBe(before);

    // A court's freeze is never refused; processing waits for its release, withdrawing does not.
    const freeze = await app.signed(COURT, 'POST', `/integration/receipts/${receipt}/holds`, { kind: 'freeze', reason: 'case 12' });
    expect(freeze.status).toBe(201);
    const held = await app.as(clerk, 'POST', `${base}/process`);
    expect([held.status, held.body.code]).toEqual([409, 'RECEIPT_HELD']);
    const withdrawn = await app.as(holder, 'POST', `${base}/withdraw`);
    expect([withdrawn.status, withdrawn.body]).toEqual([
      200,
      { receiptNumber: receipt, status: 'outstanding', cancellationApplication: null, version: expect.any(Number) },
    ]);
    expect((await app.signed(COURT, 'POST', `/integration/receipts/${receipt}/holds/${freeze.body.holdId}/release`, { reason: 'case closed' })).status).toBe(
      200,
    );

    expect((await app.as(holder, 'POST', base, { purpose: 'spot-conversion' })).status).toBe(201);
    expect((await app.as(holder, 'POST', `${base}/reject`, { reason: 'no' })).status).toBe(403);
    const noReason = await app.as(clerk, 'POST', `${base}/reject`, {});
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const rejected = await app.as(clerk, 'POST', `${base}/reject`, { reason: 'outbound fee of the last pickup unpaid' });
    expect([rejected.status, rejected.body.cancellationApplication]).toEqual([200, null]);
    const nothing = await app.as(clerk, 'POST', `${base}/process`);
    expect([nothing.status, nothing.body.code]).toEqual([409, 'NO_CANCELLATION_APPLICATION']);
    expect((await app.as(holder, 'GET', `/receipts/${receipt}`)).body).toMatchObject({
      status: 'outstanding',
      holder: { storageCard: card },
      cancellationApplication: null,
    });

    await waitFor(() => publicOf(receipt!).includes(ReceiptCancellationRejectedSchema.typeName), { describe: 'the rejection on Kafka' });
    const rejection = recorder.messages.find((m) => m.key === `receipt-${receipt}` && m.headers.ce_type === ReceiptCancellationRejectedSchema.typeName)!;
    expect(fromBinary(ReceiptCancellationRejectedSchema, rejection.value)).toMatchObject({
      purpose: EntitlementPurpose.SPOT_CONVERSION,
      reason: 'outbound fee of the last pickup unpaid',
      rejectedBy: { role: 'clerk' },
    });
    expect(publicOf(receipt!).filter((type) => type.includes('Cancellation'))).toEqual([
      ReceiptCancellationAppliedSchema.typeName,
      ReceiptCancellationWithdrawnSchema.typeName,
      ReceiptCancellationAppliedSchema.typeName,
      ReceiptCancellationRejectedSchema.typeName,
    ]);
  });
});
