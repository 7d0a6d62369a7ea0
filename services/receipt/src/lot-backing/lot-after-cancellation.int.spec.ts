import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { ReceiptTestApp } from '../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor } from '../testing/receipt-scenario.spec-helper';

/**
 * Two titles to one lot, end to end in the service on real PostgreSQL and Kafka: a receipt is
 * issued, cancelled for a pickup, and the warehouse applies again over the same lot. The lot is
 * under the holder's outbound entitlement (then shipped out, through inventory's LotShippedOut
 * on the real topic), or spot goods: every new application is refused with its own code and the
 * log is unchanged.
 */
describe('a lot after its receipt’s cancellation never backs a second receipt', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let deadLetters: TopicRecorder;
  const holder = depositor('party-hengda');
  let card: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('lotafter', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    deadLetters = await new TopicRecorder(testMessageBus(), [`${app.prefix}.receipt.dlq`]).start();
    card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([
      { lotId: 'T1', ownerCard: card, weightKg: 10_000, producedOn: '2026-03-01' },
      { lotId: 'T2', ownerCard: card, weightKg: 6_000, producedOn: '2026-03-01' },
      { lotId: 'T3', ownerCard: card, weightKg: 4_000, producedOn: '2026-03-01' },
      { lotId: 'T4', ownerCard: card, weightKg: 5_000, producedOn: '2026-03-01' },
    ]);
  });
  afterAll(async () => {
    await deadLetters?.stop();
    await app?.close();
  });

  const lot = async (lotId: string) => {
    await app.projectionsCaughtUp();
    return (await app.as(clerk, 'GET', `/lots?ownerCard=${card}`)).body.items.find((item: { lotId: string }) => item.lotId === lotId);
  };
  const cancel = async (receiptNumber: string, purpose: 'pickup' | 'spot-conversion') =>
    scenario.expectStatus(await scenario.cancel(holder, receiptNumber, purpose), 200);
  const refusedAgain = async (lotIds: string[], status: number, code: string) => {
    const before = await scenario.eventCount();
    const again = await scenario.apply(card, [lotIds]);
    expect([again.status, again.body.code]).toEqual([status, code]);
    expect(await scenario.eventCount()).toBe(before);
    return again.body;
  };

  it('refuses a new application over a lot released for a pickup: the first holder’s entitlement is still open', async () => {
    const [first] = await scenario.issue(card, [['T1']]);
    await cancel(first!, 'pickup');
    expect(await lot('T1')).toMatchObject({ status: 'entitled', entitlementId: `ENT-${first}`, receiptNumber: first, ownerCard: card });
    const refusal = await refusedAgain(['T1'], 409, 'LOT_UNDER_ENTITLEMENT');
    expect(refusal).toMatchObject({ details: { lotId: 'T1', entitlementId: `ENT-${first}`, ownerCard: card } });
    // Nothing was issued a second time: the only receipt ever over T1 is the cancelled one.
    const receipts = (await app.as(clerk, 'GET', '/receipts?status=outstanding')).body.items as { lots: { lotId: string }[] }[];
    expect(receipts.filter((receipt) => receipt.lots.some((backing) => backing.lotId === 'T1'))).toEqual([]);
  });

  it('moves the lot to shipped when inventory reports its goods gone, and refuses it for good', async () => {
    const entitlementId = (await lot('T1')).entitlementId as string;
    await scenario.lotShippedOut({ lotId: 'T1', entitlementId, ownerCard: card, bookKg: 10_000, netKg: 9_980 });
    await waitFor(async () => (await lot('T1')).status === 'shipped', { timeoutMs: 60_000, describe: 'T1 shipped from LotShippedOut' });
    await refusedAgain(['T1'], 409, 'LOT_SHIPPED_OUT');
  });

  it('refuses a new application over spot goods (they need a new inbound through inventory)', async () => {
    const [converted] = await scenario.issue(card, [['T2']]);
    await cancel(converted!, 'spot-conversion');
    expect(await lot('T2')).toMatchObject({ status: 'spot', entitlementId: null, receiptNumber: converted });
    await refusedAgain(['T2', 'T3'], 409, 'LOT_IS_SPOT_GOODS');
    expect(await lot('T3')).toMatchObject({ status: 'available' });
  });

  it('moves spot goods to shipped when they leave under their conversion’s entitlement, which tracks no pickup', async () => {
    const [converted] = await scenario.issue(card, [['T4']]);
    await cancel(converted!, 'spot-conversion');
    // The holder applied for a pickup on the conversion's entitlement id; a conversion opens no
    // entitlement to exhaust, so the shipment is the lot's alone (before the fix, the handler
    // counted it on an entitlement that does not exist and the message was dead-lettered).
    await scenario.lotShippedOut({ lotId: 'T4', entitlementId: `ENT-${converted}`, ownerCard: card, bookKg: 5_000, netKg: 5_000 });
    await waitFor(async () => (await lot('T4')).status === 'shipped', { timeoutMs: 60_000, describe: 'T4 shipped from LotShippedOut' });
    expect(deadLetters.messages.filter((m) => m.headers.ce_subject === 'lot-T4')).toEqual([]);
  });

  it('dead-letters goods of a live receipt reported shipped, and keeps the receipt’s lot as it was', async () => {
    const [live] = await scenario.issue(card, [['T3']]);
    await scenario.lotShippedOut({ lotId: 'T3', entitlementId: '', ownerCard: card, bookKg: 4_000, netKg: 4_000 });
    const letter = await waitFor(() => deadLetters.messages.find((m) => m.headers.ce_subject === 'lot-T3'), { timeoutMs: 60_000, describe: 'the dead letter' });
    expect(letter.headers.dlq_error_code).toBe('LOT_HOLDS_RECEIPT_GOODS');
    expect(await lot('T3')).toMatchObject({ status: 'backing', receiptNumber: live });
  });
});
