import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { EXCHANGE, ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor } from '../../testing/receipt-scenario.spec-helper';

/**
 * Inventory's stock holds (StockHoldPlaced / StockHoldReleased on the real topic, through the
 * inbox, on real PostgreSQL): goods held as stock are kept from becoming receipt goods, at the
 * application and at the exchange's approval, until every hold is released; each hold is taken
 * once however often it is delivered.
 */
describe('stock holds from inventory keep goods from backing a receipt', () => {
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let deadLetters: TopicRecorder;
  const holder = depositor('party-hengda');
  let card: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('stockholds', { clock: new ManualClock('2026-03-10T02:00:00Z'), consume: true });
    scenario = new ReceiptScenario(app);
    deadLetters = await new TopicRecorder(testMessageBus(), [`${app.prefix}.receipt.dlq`]).start();
    card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([
      { lotId: 'H1', ownerCard: card, weightKg: 10_000, producedOn: '2026-03-01' },
      { lotId: 'H2', ownerCard: card, weightKg: 5_000, producedOn: '2026-03-01' },
    ]);
  });
  afterAll(async () => {
    await deadLetters?.stop();
    await app?.close();
  });

  const lotEvents = async (lotId: string) =>
    (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`lot-${lotId}`])).rows[0]!.n;
  const stockHoldsOf = async (lotId: string, expected: number) =>
    waitFor(
      async () => {
        await app.projectionsCaughtUp();
        const lot = (await app.as(clerk, 'GET', `/lots?ownerCard=${card}`)).body.items.find((item: { lotId: string }) => item.lotId === lotId);
        return lot.stockHolds === expected ? lot : undefined;
      },
      { timeoutMs: 60_000, describe: `${lotId} with ${expected} stock hold(s)` },
    );
  const approve = (applicationId: string) =>
    app.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${applicationId}/approve`, {
      approvalReference: `SHFE-${applicationId.slice(0, 8)}`,
    });

  it('refuses an application over goods held as stock, taking a redelivered hold once, until it is released', async () => {
    await scenario.stockHold('placed', 'H1', 'SH-1');
    await stockHoldsOf('H1', 1);
    // At-least-once delivery: the same placement again, as a new message.
    await scenario.stockHold('placed', 'H1', 'SH-1');
    await scenario.stockHold('placed', 'H2', 'SH-2');
    await stockHoldsOf('H2', 1);
    expect(await lotEvents('H1')).toBe(2);
    await stockHoldsOf('H1', 1);

    const before = await scenario.eventCount();
    const refused = await scenario.apply(card, [['H1']]);
    expect([refused.status, refused.body.code]).toEqual([409, 'LOT_HELD_IN_STOCK']);
    expect(refused.body.details.holds).toEqual([{ holdId: 'SH-1', kind: 'freeze', holder: 'bank-icbc' }]);
    expect(await scenario.eventCount()).toBe(before);

    await scenario.stockHold('released', 'H1', 'SH-1');
    await stockHoldsOf('H1', 0);
    const [receipt] = await scenario.issue(card, [['H1']]);
    expect(receipt).toMatch(/^WR/);
  });

  it('refuses the exchange’s approval over goods a stock hold reached after the application, and nothing is issued', async () => {
    await scenario.stockHold('released', 'H2', 'SH-2');
    await stockHoldsOf('H2', 0);
    const applied = await scenario.apply(card, [['H2']]);
    await scenario.expectStatus(applied, 201);
    await scenario.stockHold('placed', 'H2', 'SH-3');
    await stockHoldsOf('H2', 1);
    const before = await scenario.eventCount();
    const refused = await approve(applied.body.applicationId);
    expect([refused.status, refused.body.code]).toEqual([409, 'LOT_HELD_IN_STOCK']);
    expect(await scenario.eventCount()).toBe(before);
    await scenario.stockHold('released', 'H2', 'SH-3');
    await stockHoldsOf('H2', 0);
    await scenario.expectStatus(await approve(applied.body.applicationId), 200);
  });

  it('dead-letters the release of a hold never placed', async () => {
    await scenario.stockHold('released', 'H2', 'SH-404');
    const letter = await waitFor(() => deadLetters.messages.find((m) => m.headers.ce_subject === 'lot-H2'), { timeoutMs: 60_000, describe: 'the dead letter' });
    expect(letter.headers.dlq_error_code).toBe('STOCK_HOLD_NOT_FOUND');
  });
});
