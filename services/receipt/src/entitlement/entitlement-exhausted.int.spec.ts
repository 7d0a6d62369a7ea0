import { fromBinary } from '@bufbuild/protobuf';
import { OutboundEntitlementExhaustedSchema, fromWeight, receiptEntitlementTopic } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { ReceiptTestApp } from '../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor } from '../testing/receipt-scenario.spec-helper';

/**
 * An entitlement is exhausted when its last lot ships out: inventory's LotShippedOut for each lot
 * on the real topic, through the inbox, and OutboundEntitlementExhausted on receipt.entitlement.v1
 * once, with granted, shipped and over/short as computed here by hand.
 */
describe('outbound entitlement exhausted by its lots shipping out', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let entitlements: TopicRecorder;
  const holder = depositor('party-hengda');
  let card: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('exhausted', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([
      { lotId: 'E1', ownerCard: card, weightKg: 10_000, producedOn: '2026-03-01' },
      { lotId: 'E2', ownerCard: card, weightKg: 6_000, producedOn: '2026-03-01' },
    ]);
    entitlements = await new TopicRecorder(testMessageBus(), [app.topic(receiptEntitlementTopic)]).start();
  });
  afterAll(async () => {
    await entitlements?.stop();
    await app?.close();
  });

  const exhaustedMessages = (entitlementId: string) =>
    entitlements.messages.filter((m) => m.key === entitlementId && m.headers.ce_type === OutboundEntitlementExhaustedSchema.typeName);
  const shippedLot = async (lotId: string) =>
    waitFor(
      async () => {
        await app.projectionsCaughtUp();
        const lot = (await app.as(clerk, 'GET', `/lots?ownerCard=${card}`)).body.items.find((item: { lotId: string }) => item.lotId === lotId);
        return lot.status === 'shipped' ? lot : undefined;
      },
      { timeoutMs: 60_000, describe: `${lotId} shipped` },
    );

  it('publishes OutboundEntitlementExhausted once, when the last lot has shipped, with granted, shipped and over/short', async () => {
    const [receipt] = await scenario.issue(card, [['E1', 'E2']]);
    await scenario.expectStatus(await scenario.cancel(holder, receipt, 'pickup'), 200);
    const entitlementId = `ENT-${receipt}`;

    await scenario.lotShippedOut({ lotId: 'E1', entitlementId, ownerCard: card, bookKg: 10_000, netKg: 9_980 });
    await shippedLot('E1');
    expect(exhaustedMessages(entitlementId)).toEqual([]);

    await scenario.lotShippedOut({ lotId: 'E2', entitlementId, ownerCard: card, bookKg: 6_000, netKg: 6_030 });
    // A redelivery of the last shipment, as a new message: it counts once.
    await scenario.lotShippedOut({ lotId: 'E2', entitlementId, ownerCard: card, bookKg: 6_000, netKg: 6_030 });
    const [message] = await waitFor(() => (exhaustedMessages(entitlementId).length > 0 ? exhaustedMessages(entitlementId) : undefined), {
      timeoutMs: 60_000,
      describe: 'OutboundEntitlementExhausted on Kafka',
    });
    const exhausted = fromBinary(OutboundEntitlementExhaustedSchema, message!.value);
    // Granted 10 000 + 6 000 = 16 000 kg; shipped 9 980 + 6 030 = 16 010 kg; over/short = 16 010 − 16 000 = +10 kg.
    expect({
      entitlementId: exhausted.entitlementId,
      receiptNumber: exhausted.receiptNumber,
      holderStorageCard: exhausted.holderStorageCard,
      granted: fromWeight(exhausted.granted!),
      shipped: fromWeight(exhausted.shipped!),
      overShort: fromWeight(exhausted.overShort!),
    }).toEqual({ entitlementId, receiptNumber: receipt, holderStorageCard: card, granted: 16_000, shipped: 16_010, overShort: 10 });

    await shippedLot('E2');
    const events = await app.db.query<{ type: string }>(`SELECT event_type AS type FROM events WHERE stream_id = $1 ORDER BY stream_position`, [
      `entitlement-${entitlementId}`,
    ]);
    expect(events.rows.map((row) => row.type)).toEqual([
      'OutboundEntitlementOpened',
      'EntitlementLotShippedOut',
      'EntitlementLotShippedOut',
      'OutboundEntitlementExhausted',
    ]);
    expect(exhaustedMessages(entitlementId)).toHaveLength(1);
  });
});
