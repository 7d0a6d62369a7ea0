import { ManualClock } from '@dw/kernel';
import { EXCHANGE, ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor, manager } from '../../testing/receipt-scenario.spec-helper';

/**
 * Commodity receipt rules as data over HTTP on real PostgreSQL: dated versions published by a
 * manager, never retroactive, and the version in force on the ISSUE date judges the receipts.
 */
describe('receipt rules (dated versions)', () => {
  // 2026-03-10 10:00 Shanghai.
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('rules', { clock, consume: true });
    scenario = new ReceiptScenario(app);
  });
  afterAll(() => app?.close());

  it('publishes versions forward in time only, by a manager, with the terms checked', async () => {
    expect((await app.as(manager, 'POST', '/receipt-rules/rebar/versions', { effectiveFrom: '2026-03-10', terms: TONNE_RULE })).body).toEqual({
      commodity: 'rebar',
      version: 1,
      effectiveFrom: '2026-03-10',
    });
    const past = await app.as(manager, 'POST', '/receipt-rules/rebar/versions', { effectiveFrom: '2026-03-09', terms: TONNE_RULE });
    expect([past.status, past.body.code, past.body.field]).toEqual([422, 'RULE_EFFECTIVE_DATE_IN_PAST', 'effectiveFrom']);
    const badValidity = await app.as(manager, 'POST', '/receipt-rules/rebar/versions', {
      effectiveFrom: '2026-03-12',
      terms: { ...TONNE_RULE, validity: { basis: 'issue-date', days: 90 } },
    });
    expect([badValidity.status, badValidity.body.code, badValidity.body.field]).toEqual([422, 'INVALID_VALIDITY_RULE', 'terms.validity']);
    const byClerk = await app.as(clerk, 'POST', '/receipt-rules/rebar/versions', { effectiveFrom: '2026-03-12', terms: TONNE_RULE });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    // Version 2 from 03-12: factory-style validity, 6 months from the issue date.
    const v2 = await app.as(manager, 'POST', '/receipt-rules/rebar/versions', {
      effectiveFrom: '2026-03-12',
      terms: { ...TONNE_RULE, receiptKind: 'factory', validity: { basis: 'issue-date', months: 6 } },
    });
    expect(v2.body.version).toBe(2);

    const rules = await app.as(clerk, 'GET', '/receipt-rules/rebar');
    expect(rules.body).toMatchObject({
      commodity: 'rebar',
      inForceVersion: 1,
      today: '2026-03-10',
      versions: [{ version: 1 }, { version: 2, effectiveFrom: '2026-03-12' }],
    });
    await app.projectionsCaughtUp();
    expect((await app.as(clerk, 'GET', '/receipt-rules')).body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('judges a receipt by the version in force on its issue date, not its application date', async () => {
    const holder = depositor('party-hengda');
    const card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    await scenario.lotsBecomeAvailable([{ lotId: 'R1', ownerCard: card, weightKg: 3_000, producedOn: '2026-03-01' }]);
    const applied = await scenario.apply(card, [['R1']]);
    expect(applied.status).toBe(201);
    // The exchange approves on 2026-03-13 (Friday), when version 2 is in force: 03-13 + 6 months = 09-13.
    clock.set('2026-03-13T02:00:00Z');
    const approved = await app.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${applied.body.applicationId}/approve`, {
      approvalReference: 'SHFE-77',
    });
    expect(approved.status).toBe(200);
    const receipt = (await app.as(holder, 'GET', `/receipts/${approved.body.receiptNumbers[0]}`)).body;
    expect(receipt).toMatchObject({ ruleVersion: 2, issueDate: '2026-03-13', validUntil: '2026-09-13' });
  });
});
