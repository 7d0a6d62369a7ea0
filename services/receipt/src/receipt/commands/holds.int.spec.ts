import { ManualClock } from '@dw/kernel';
import { BANK, COURT, EXCHANGE, OTHER_BANK, ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor } from '../../testing/receipt-scenario.spec-helper';

/**
 * Holds over HTTP on real PostgreSQL: a pledge to a bank, freezes by the exchange and a court,
 * a delivery hold; each released by its beneficiary only, anyone else refused with
 * HOLD_RELEASE_FORBIDDEN and nothing changed.
 */
describe('holds: pledge, freeze, delivery hold', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const holder = depositor('party-hengda');
  const stranger = depositor('party-other');
  let receipts: string[];

  beforeAll(async () => {
    app = await ReceiptTestApp.start('holds', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    const card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable(['H1', 'H2', 'H3'].map((lotId) => ({ lotId, ownerCard: card, weightKg: 10_000, producedOn: '2026-03-02' })));
    receipts = await scenario.issue(card, [['H1'], ['H2'], ['H3']]);
  });
  afterAll(() => app?.close());

  const release = (client: typeof BANK, receipt: string, holdId: string) =>
    app.signed(client, 'POST', `/integration/receipts/${receipt}/holds/${holdId}/release`, { reason: 'done' });

  it('a pledge is placed by the holder and lifted by its bank only', async () => {
    const receipt = receipts[0]!;
    const pledged = await app.as(holder, 'POST', `/receipts/${receipt}/pledges`, {
      bank: { partyId: BANK.id, name: 'ICBC Shanghai' },
      reason: 'working-capital loan',
    });
    expect(pledged.status).toBe(201);
    const holdId = pledged.body.holdId as string;

    const before = await scenario.eventCount();
    for (const client of [OTHER_BANK, EXCHANGE, COURT]) {
      const refused = await release(client, receipt, holdId);
      expect([refused.status, refused.body.code]).toEqual([403, 'HOLD_RELEASE_FORBIDDEN']);
    }
    expect(await scenario.eventCount()).toBe(before);
    expect((await app.as(holder, 'GET', `/receipts/${receipt}`)).body.holds).toHaveLength(1);

    const twice = await app.as(holder, 'POST', `/receipts/${receipt}/pledges`, {
      bank: { partyId: OTHER_BANK.id, name: OTHER_BANK.name },
      reason: 'second loan',
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_PLEDGED']);

    const released = await release(BANK, receipt, holdId);
    expect(released.body).toMatchObject({ released: true, remainingHolds: 0 });
    expect((await app.as(holder, 'GET', `/receipts/${receipt}`)).body.holds).toEqual([]);
  });

  it('refuses a pledge by someone other than the holder, and to a bank the warehouse is not connected to', async () => {
    const byStranger = await app.as(stranger, 'POST', `/receipts/${receipts[1]}/pledges`, { bank: { partyId: BANK.id, name: BANK.name }, reason: 'x' });
    expect([byStranger.status, byStranger.body.code]).toEqual([404, 'RECEIPT_NOT_FOUND']);
    const unknownBank = await app.as(holder, 'POST', `/receipts/${receipts[1]}/pledges`, { bank: { partyId: 'bank-nowhere', name: 'Nowhere' }, reason: 'x' });
    expect([unknownBank.status, unknownBank.body.code, unknownBank.body.field]).toEqual([422, 'UNKNOWN_PLEDGEE_BANK', 'bank.partyId']);
    const byClerk = await app.as(clerk, 'POST', `/receipts/${receipts[1]}/pledges`, { bank: { partyId: BANK.id, name: BANK.name }, reason: 'x' });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('puts the bank’s registered name on a pledge: another name is refused, no name takes the registered one', async () => {
    const before = await scenario.eventCount();
    // BANK is registered as "ICBC Shanghai"; "ICBC" alone is not its name.
    const misnamed = await app.as(holder, 'POST', `/receipts/${receipts[1]}/pledges`, { bank: { partyId: BANK.id, name: 'ICBC' }, reason: 'x' });
    expect([misnamed.status, misnamed.body.code, misnamed.body.field]).toEqual([422, 'PLEDGEE_BANK_NAME_MISMATCH', 'bank.name']);
    const anotherBanksName = await app.as(holder, 'POST', `/receipts/${receipts[1]}/pledges`, {
      bank: { partyId: BANK.id, name: OTHER_BANK.name },
      reason: 'x',
    });
    expect(anotherBanksName.body.code).toBe('PLEDGEE_BANK_NAME_MISMATCH');
    expect(await scenario.eventCount()).toBe(before);

    const unnamed = await app.as(holder, 'POST', `/receipts/${receipts[1]}/pledges`, { bank: { partyId: BANK.id }, reason: 'loan' });
    expect(unnamed.status).toBe(201);
    expect(unnamed.body.beneficiary).toEqual({ kind: 'bank', partyId: BANK.id, name: 'ICBC Shanghai' });
    expect((await release(BANK, receipts[1]!, unnamed.body.holdId)).status).toBe(200);
  });

  it('freezes by a court and by the exchange queue up; each authority lifts only its own', async () => {
    const receipt = receipts[1]!;
    const byCourt = await app.signed(COURT, 'POST', `/integration/receipts/${receipt}/holds`, { kind: 'freeze', reason: '(2026)沪0115执123号' });
    const byExchange = await app.signed(EXCHANGE, 'POST', `/integration/receipts/${receipt}/holds`, {
      kind: 'freeze',
      reason: 'abnormal trading investigation',
    });
    expect([byCourt.status, byExchange.status]).toEqual([201, 201]);
    expect(byCourt.body.beneficiary).toEqual({ kind: 'court', partyId: COURT.id, name: COURT.name });

    expect((await release(EXCHANGE, receipt, byCourt.body.holdId)).body.code).toBe('HOLD_RELEASE_FORBIDDEN');
    expect((await release(COURT, receipt, byExchange.body.holdId)).body.code).toBe('HOLD_RELEASE_FORBIDDEN');
    expect((await release(COURT, receipt, byCourt.body.holdId)).body).toMatchObject({ released: true, remainingHolds: 1 });
    expect((await release(EXCHANGE, receipt, byExchange.body.holdId)).body).toMatchObject({ released: true, remainingHolds: 0 });
  });

  it('a court cannot place a delivery hold; the exchange can, and lifts it', async () => {
    const receipt = receipts[2]!;
    const byCourt = await app.signed(COURT, 'POST', `/integration/receipts/${receipt}/holds`, { kind: 'delivery', reason: 'x' });
    expect([byCourt.status, byCourt.body.code]).toEqual([422, 'INVALID_HOLD_BENEFICIARY']);
    const delivery = await app.signed(EXCHANGE, 'POST', `/integration/receipts/${receipt}/holds`, { kind: 'delivery', reason: 'RB2605 delivery' });
    expect(delivery.status).toBe(201);
    const history = await app.signed(EXCHANGE, 'GET', `/integration/exchange/receipts/${receipt}/history`);
    expect(history.body.events.at(-1)).toMatchObject({ type: 'ReceiptHoldPlaced', actor: { subject: EXCHANGE.id, role: 'exchange', partyId: EXCHANGE.id } });
    expect((await release(EXCHANGE, receipt, delivery.body.holdId)).status).toBe(200);
  });
});
