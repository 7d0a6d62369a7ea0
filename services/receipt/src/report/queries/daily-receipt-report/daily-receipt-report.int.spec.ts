import { ManualClock } from '@dw/kernel';
import { EXCHANGE, ReceiptTestApp } from '../../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, depositor, ops } from '../../../testing/receipt-scenario.spec-helper';

/**
 * The daily receipt report for a scripted day, every figure computed by hand below. Real
 * PostgreSQL and Kafka; the report comes from the report projection over the receipt events.
 *
 * Day 1, Mon 2026-03-09 (Shanghai), issued:
 *   A1 rebar   WH-WUXI 10 t, produced 2025-12-20 → valid through 2026-03-20
 *        (12-20 + 11 days = 12-31, + 31 = 01-31 (42), + 28 = 02-28 (70), + 20 = 03-20 (90))
 *   A2 rebar   WH-WUXI 20 t, produced 2026-01-15 → 2026-04-15 (01-31 16, 02-28 44, 03-31 75, + 15 = 90)
 *   A3 rebar   WH-SH   30 t, produced 2026-03-01 → 2026-05-30
 *   A4 rebar   WH-WUXI  5 t, produced 2026-03-05 → 2026-06-03
 *   W1 wirerod WH-WUXI 15 t, produced 2026-01-20 → 2026-04-20 (01-31 11, 02-28 39, 03-31 70, + 20 = 90)
 *   and W1 is transferred.
 * Day 2, Tue 2026-03-10, the scripted day:
 *   A5 rebar WH-WUXI 8 t issued over lots of 5 t and 3 t (produced 03-08 → valid 06-06);
 *   A1 and A2 transferred in one batch (2 receipts, 30 t); A3 transferred (WH-SH, 30 t);
 *   A5 split into C1 (5 t) and C2 (3 t); A4 cancelled at 23:30 (still 03-10 in Shanghai).
 * Day 3, Wed 2026-03-11: A2 cancelled at 00:30 Shanghai (16:30 UTC on 03-10).
 */
describe('daily receipt report', () => {
  const clock = new ManualClock('2026-03-09T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const seller = depositor('party-hengda');
  const sellerName = '恒达钢铁贸易有限公司';

  const report = async (date: string) => {
    await app.projectionsCaughtUp();
    const answer = await app.as(ops, 'GET', `/reports/daily-receipts?date=${date}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const fig = (count: number, weightKg: number) => ({ count, weightKg });
  const none = fig(0, 0);

  beforeAll(async () => {
    app = await ReceiptTestApp.start('report', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    const card = await scenario.openCard(seller, sellerName);
    const buyerCard = await scenario.openCard(depositor('party-buyer'), '买方有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-09');
    await scenario.publishRule('wirerod', TONNE_RULE, '2026-03-09');
    const lot = (lotId: string, weightKg: number, producedOn: string, warehouse = 'WH-WUXI', commodity = 'rebar') => ({
      lotId,
      ownerCard: card,
      weightKg,
      producedOn,
      warehouse,
      commodity,
    });
    await scenario.lotsBecomeAvailable([
      lot('P1', 10_000, '2025-12-20'),
      lot('P2', 20_000, '2026-01-15'),
      lot('P3', 30_000, '2026-03-01', 'WH-SH'),
      lot('P4', 5_000, '2026-03-05'),
      lot('P5a', 5_000, '2026-03-08'),
      lot('P5b', 3_000, '2026-03-08'),
      lot('PW', 15_000, '2026-01-20', 'WH-WUXI', 'wirerod'),
    ]);
    const entered = { holderName: sellerName, storageCard: card };

    // Day 1.
    const [a1, a2, a4] = await scenario.issue(card, [['P1'], ['P2'], ['P4']]);
    const [a3] = await scenario.issue(card, [['P3']], { warehouseId: 'WH-SH' });
    const [w1] = await scenario.issue(card, [['PW']], { commodity: 'wirerod' });
    expect((await scenario.transfer(seller, entered, buyerCard, [w1!], 'wirerod')).status).toBe(201);

    // Day 2.
    clock.set('2026-03-10T02:00:00Z');
    const [a5] = await scenario.issue(card, [['P5a', 'P5b']]);
    expect((await scenario.transfer(seller, entered, buyerCard, [a1!, a2!])).status).toBe(201);
    expect((await scenario.transfer(seller, entered, buyerCard, [a3!])).status).toBe(201);
    expect(
      (
        await app.as(seller, 'POST', `/receipts/${a5}/split`, {
          children: [
            { lotIds: ['P5a'], weightKg: 5_000 },
            { lotIds: ['P5b'], weightKg: 3_000 },
          ],
        })
      ).status,
    ).toBe(201);
    clock.set('2026-03-10T15:30:00Z'); // 23:30 in Shanghai
    expect((await scenario.cancel(seller, a4, 'pickup')).status).toBe(200);

    // Day 3, half an hour after midnight in Shanghai (still 03-10 in UTC). A2 now belongs to the buyer.
    clock.set('2026-03-10T16:30:00Z');
    expect((await scenario.cancel(depositor('party-buyer'), a2, 'spot-conversion')).status).toBe(200);
  });
  afterAll(() => app?.close());

  it('reports the scripted day per commodity and warehouse', async () => {
    expect(await report('2026-03-10')).toEqual({
      date: '2026-03-10',
      lines: [
        {
          commodity: 'rebar',
          warehouseId: 'WH-SH',
          issued: none,
          cancelled: none,
          transferred: fig(1, 30_000), // A3
          outstanding: fig(1, 30_000), // A3
          expiringThisMonth: none, // A3 runs to 05-30
          expiringNextMonth: none,
        },
        {
          commodity: 'rebar',
          warehouseId: 'WH-WUXI',
          issued: fig(1, 8_000), // A5 (its split children are not new goods)
          cancelled: fig(1, 5_000), // A4 at 23:30
          transferred: fig(2, 30_000), // A1 10 t + A2 20 t
          outstanding: fig(4, 38_000), // A1 10 + A2 20 + C1 5 + C2 3 (A4 cancelled, A5 split)
          expiringThisMonth: fig(1, 10_000), // A1, valid through 03-20
          expiringNextMonth: fig(1, 20_000), // A2, valid through 04-15
        },
        {
          commodity: 'wirerod',
          warehouseId: 'WH-WUXI',
          issued: none,
          cancelled: none,
          transferred: none, // W1 moved on day 1
          outstanding: fig(1, 15_000),
          expiringThisMonth: none,
          expiringNextMonth: fig(1, 15_000), // W1, valid through 04-20
        },
      ],
    });
  });

  it('puts each event on its Shanghai day: day 1 and day 3 differ as the script says', async () => {
    const day1 = (await report('2026-03-09')).lines;
    expect(
      day1.map((line: { commodity: string; warehouseId: string; issued: unknown; transferred: unknown; outstanding: unknown }) => [
        line.commodity,
        line.warehouseId,
        line.issued,
        line.transferred,
        line.outstanding,
      ]),
    ).toEqual([
      ['rebar', 'WH-SH', fig(1, 30_000), none, fig(1, 30_000)],
      ['rebar', 'WH-WUXI', fig(3, 35_000), none, fig(3, 35_000)], // A1 + A2 + A4 = 10 + 20 + 5
      ['wirerod', 'WH-WUXI', fig(1, 15_000), fig(1, 15_000), fig(1, 15_000)],
    ]);
    const day3 = (await report('2026-03-11')).lines.find(
      (line: { commodity: string; warehouseId: string }) => line.commodity === 'rebar' && line.warehouseId === 'WH-WUXI',
    );
    // A2 cancelled at 00:30 on 03-11: 4 - 1 = 3 receipts, 38 - 20 = 18 t; only A1 still expires in March.
    expect(day3).toMatchObject({
      cancelled: fig(1, 20_000),
      transferred: none,
      outstanding: fig(3, 18_000),
      expiringThisMonth: fig(1, 10_000),
      expiringNextMonth: none,
    });
  });

  it('is the same report for the exchange through its signed API, filterable', async () => {
    const staff = await report('2026-03-10');
    const exchange = await app.signed(EXCHANGE, 'GET', '/integration/exchange/reports/daily-receipts?date=2026-03-10');
    expect(exchange.body).toEqual(staff);
    const filtered = await app.signed(EXCHANGE, 'GET', '/integration/exchange/reports/daily-receipts?date=2026-03-10&commodity=rebar&warehouseId=WH-SH');
    expect(filtered.body.lines).toHaveLength(1);
    const bad = await app.as(ops, 'GET', '/reports/daily-receipts?date=10/03/2026');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
