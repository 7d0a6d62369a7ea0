import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor } from '../../testing/receipt-scenario.spec-helper';

/**
 * Inventory → receipt over the real topic and the inbox, on real PostgreSQL: a lot that became
 * available is registered once (a repeat of the same facts changes nothing), and facts the
 * service cannot take are dead-lettered at once with the refusal while the partition moves on.
 */
describe('lots from the inventory service (LotBecameAvailable through the inbox)', () => {
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let deadLetters: TopicRecorder;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('lots', { clock: new ManualClock('2026-03-10T02:00:00Z'), consume: true });
    scenario = new ReceiptScenario(app);
    deadLetters = await new TopicRecorder(testMessageBus(), [`${app.prefix}.receipt.dlq`]).start();
  });
  afterAll(async () => {
    await deadLetters?.stop();
    await app?.close();
  });

  const lotEvents = async (lotId: string) =>
    (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`lot-${lotId}`])).rows[0]!.n;

  it('registers a lot with its facts, and a repeat of the same facts changes nothing', async () => {
    await scenario.lotsBecomeAvailable([{ lotId: 'K1', ownerCard: 'SC000007', weightKg: 25_000, producedOn: '2026-03-02' }]);
    const listed = (await app.as(clerk, 'GET', '/lots?ownerCard=SC000007')).body.items;
    expect(listed).toEqual([
      expect.objectContaining({
        lotId: 'K1',
        commodity: 'rebar',
        brand: 'Shagang',
        grade: 'HRB400E',
        warehouseId: 'WH-WUXI',
        location: 'Y1-K1',
        weightKg: 25_000,
        productionDates: ['2026-03-02'],
        inspectionReportRef: 'CIQ-K1',
        status: 'available',
      }),
    ]);
    // At-least-once delivery from inventory: the same facts again, as a new message.
    await scenario.lotsBecomeAvailable([{ lotId: 'K1', ownerCard: 'SC000007', weightKg: 25_000, producedOn: '2026-03-02' }]);
    await scenario.lotsBecomeAvailable([{ lotId: 'K2', ownerCard: 'SC000007', weightKg: 1_000, producedOn: '2026-03-02' }]);
    expect(await lotEvents('K1')).toBe(1);
  });

  it('dead-letters facts it cannot take, with the refusal, and keeps consuming', async () => {
    const produce = (lotId: string, weightKg: number) => scenario.publishLots([{ lotId, ownerCard: 'SC000007', weightKg, producedOn: '2026-03-02' }]);
    await produce('K3', 0);
    await produce('K1', 26_000); // K1 again with another weight
    await scenario.lotsBecomeAvailable([{ lotId: 'K4', ownerCard: 'SC000007', weightKg: 2_000, producedOn: '2026-03-02' }]);
    const letters = await waitFor(() => (deadLetters.messages.length >= 2 ? deadLetters.messages : undefined), {
      timeoutMs: 60_000,
      describe: 'two dead letters',
    });
    expect(letters.map((m) => [m.headers.ce_subject, m.headers.dlq_error_code, m.headers.dlq_attempts])).toEqual([
      ['lot-K3', 'INVALID_WEIGHT', '1'],
      ['lot-K1', 'LOT_ALREADY_REGISTERED', '1'],
    ]);
    expect(await lotEvents('K3')).toBe(0);
    expect(await lotEvents('K1')).toBe(1);
  });

  it('keeps a lot inbound without inspection, but refuses an application over it and writes nothing', async () => {
    const holder = depositor('party-hengda');
    const card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([{ lotId: 'K5', ownerCard: card, weightKg: 10_000, producedOn: '2026-03-02', inspectionReportRef: '' }]);
    expect((await app.as(clerk, 'GET', `/lots?ownerCard=${card}`)).body.items).toEqual([
      expect.objectContaining({ lotId: 'K5', inspectionReportRef: '', status: 'available' }),
    ]);
    const before = await scenario.eventCount();
    const refused = await scenario.apply(card, [['K5']]);
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([422, 'LOT_NOT_INSPECTED', 'receipts[0].lots[0].inspectionReportRef']);
    expect(await scenario.eventCount()).toBe(before);
  });
});
