import { Database } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { rebuildService } from '@dw/platform';
import { billingServiceDefinition } from '../billing.service-definition';
import { BillingTestApp, clerk, depositor, manager } from '../testing/billing-test-app.spec-helper';
import { contractTerms, defaultTerms } from './domain/rate-card.fixtures.spec-helper';

/**
 * Rate cards as data over HTTP on real PostgreSQL: the published default and depositors'
 * contracts as dated versions, published by a manager only forward in time, read by staff and
 * by a depositor for its own party only.
 *
 * Monday 2026-09-28, 10:00 in Shanghai. Trading days: 09-29, 09-30, then the National Day
 * holiday (10-01…10-07), then 10-08.
 */
describe('rate cards (dated versions)', () => {
  const clock = new ManualClock('2026-09-28T02:00:00Z');
  let app: BillingTestApp;
  const hengda = depositor('P-HENGDA');
  const other = depositor('P-OTHER');

  beforeAll(async () => {
    app = await BillingTestApp.start('rates', clock);
  });
  afterAll(() => app?.close());

  it('a manager publishes the default and a contract forward in time; backdated, duplicate and stale versions are refused', async () => {
    const first = await app.as(manager, 'POST', '/rate-cards/default/versions', { effectiveFrom: '2026-09-29', terms: defaultTerms });
    expect([first.status, first.body, first.headers.get('etag')]).toEqual([201, { partyId: null, version: 1, effectiveFrom: '2026-09-29' }, '"1"']);

    const today = await app.as(manager, 'POST', '/rate-cards/default/versions', { effectiveFrom: '2026-09-28', terms: defaultTerms });
    expect([today.status, today.body.code, today.body.field]).toEqual([422, 'RATE_EFFECTIVE_DATE_NOT_FUTURE', 'effectiveFrom']);
    const backdated = await app.as(manager, 'POST', '/contracts/P-HENGDA/versions', { effectiveFrom: '2026-09-01', terms: contractTerms });
    expect([backdated.status, backdated.body.code]).toEqual([422, 'RATE_EFFECTIVE_DATE_NOT_FUTURE']);
    const holiday = await app.as(manager, 'POST', '/contracts/P-HENGDA/versions', { effectiveFrom: '2026-10-05', terms: contractTerms });
    expect([holiday.status, holiday.body.code, holiday.body.details.nextTradingDay]).toEqual([422, 'RATE_EFFECTIVE_DATE_NOT_TRADING_DAY', '2026-10-08']);

    const byClerk = await app.as(clerk, 'POST', '/contracts/P-HENGDA/versions', { effectiveFrom: '2026-10-08', terms: contractTerms });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const byDepositor = await app.as(hengda, 'POST', '/contracts/P-HENGDA/versions', { effectiveFrom: '2026-10-08', terms: contractTerms });
    expect([byDepositor.status, byDepositor.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);

    const contract = await app.as(
      manager,
      'POST',
      '/contracts/P-HENGDA/versions',
      { effectiveFrom: '2026-10-08', terms: contractTerms },
      { 'if-match': '"0"' },
    );
    expect([contract.status, contract.body.version, contract.headers.get('etag')]).toEqual([201, 1, '"1"']);
    const duplicate = await app.as(manager, 'POST', '/contracts/P-HENGDA/versions', { effectiveFrom: '2026-10-08', terms: contractTerms });
    expect([duplicate.status, duplicate.body.code, duplicate.body.details.version]).toEqual([409, 'RATE_CARD_VERSION_EXISTS', 1]);

    // Two managers read version 1 of the contract; the first to publish wins, the second's If-Match is stale.
    const read = await app.as(manager, 'GET', '/contracts/P-HENGDA');
    const etag = read.headers.get('etag')!;
    const winner = await app.as(manager, 'POST', '/contracts/P-HENGDA/versions', { effectiveFrom: '2026-11-02', terms: contractTerms }, { 'if-match': etag });
    expect([winner.status, winner.body.version]).toEqual([201, 2]);
    const loser = await app.as(manager, 'POST', '/contracts/P-HENGDA/versions', { effectiveFrom: '2026-12-01', terms: contractTerms }, { 'if-match': etag });
    expect([loser.status, loser.body.code]).toEqual([409, 'STREAM_VERSION_CONFLICT']);

    const card = await app.as(clerk, 'GET', '/contracts/P-HENGDA');
    expect(card.body).toMatchObject({
      partyId: 'P-HENGDA',
      inForceVersion: null,
      today: '2026-09-28',
      versions: [
        { version: 1, effectiveFrom: '2026-10-08' },
        { version: 2, effectiveFrom: '2026-11-02' },
      ],
    });
    expect(card.headers.get('etag')).toBe('"2"');
  });

  it('refuses unknown fields, negative rates and a wrong settlement method, naming the field', async () => {
    const unknown = await app.as(manager, 'POST', '/contracts/P-OTHER/versions', { effectiveFrom: '2026-10-08', terms: { ...contractTerms, discount: 5 } });
    expect([unknown.status, unknown.body.code, unknown.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'terms.discount']);
    const negative = await app.as(manager, 'POST', '/contracts/P-OTHER/versions', {
      effectiveFrom: '2026-10-08',
      terms: { ...contractTerms, storage: [{ storageKind: 'shed', commodity: 'rebar', fenPerTonneDay: -20 }] },
    });
    expect([negative.status, negative.body.code, negative.body.field]).toEqual([422, 'NON_NEGATIVE_INTEGER_REQUIRED', 'terms.storage[0].fenPerTonneDay']);
    const fractional = await app.as(manager, 'POST', '/contracts/P-OTHER/versions', {
      effectiveFrom: '2026-10-08',
      terms: { ...contractTerms, transferFenPerTonne: 0.5 },
    });
    expect([fractional.status, fractional.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const settlement = await app.as(manager, 'POST', '/contracts/P-OTHER/versions', {
      effectiveFrom: '2026-10-08',
      terms: { ...contractTerms, settlementMethod: 'barter' },
    });
    expect([settlement.status, settlement.body.code, settlement.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'terms.settlementMethod']);
    const date = await app.as(manager, 'POST', '/contracts/P-OTHER/versions', { effectiveFrom: '08/10/2026', terms: contractTerms });
    expect([date.status, date.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // Nothing of the above was published.
    expect((await app.as(manager, 'GET', '/contracts/P-OTHER')).status).toBe(404);
  });

  it('answers the rates in force on a day: the contract’s, else the default’s; a depositor sees its own only', async () => {
    const before = await app.as(hengda, 'GET', '/contracts/P-HENGDA/in-force?on=2026-10-07');
    expect(before.body).toMatchObject({ on: '2026-10-07', source: 'default', partyId: null, version: 1, effectiveFrom: '2026-09-29' });
    expect(before.body.terms.storage).toEqual(defaultTerms.storage);
    const from = await app.as(hengda, 'GET', '/contracts/P-HENGDA/in-force?on=2026-10-08');
    expect(from.body).toMatchObject({ source: 'contract', partyId: 'P-HENGDA', version: 1, terms: { settlementMethod: 'prepaid_account' } });
    // A party without a contract is charged by the default; before the default, nothing is in force.
    expect((await app.as(clerk, 'GET', '/contracts/P-NONE/in-force?on=2026-10-08')).body).toMatchObject({ source: 'default', version: 1 });
    expect((await app.as(clerk, 'GET', '/contracts/P-NONE/in-force?on=2026-09-28')).body.code).toBe('NO_RATE_CARD_IN_FORCE');
    // Today (09-28) when no day is given.
    expect((await app.as(clerk, 'GET', '/rate-cards/default/in-force')).status).toBe(404);
    expect((await app.as(hengda, 'GET', '/rate-cards/default/in-force?on=2026-09-29')).body).toMatchObject({ source: 'default', version: 1 });
    expect((await app.as(hengda, 'GET', '/rate-cards/default')).body).toMatchObject({ partyId: null, versions: [{ version: 1 }], inForceVersion: null });

    // Another party's contract answers exactly as a missing one.
    for (const path of ['/contracts/P-HENGDA', '/contracts/P-HENGDA/in-force?on=2026-10-08']) {
      const answer = await app.as(other, 'GET', path);
      expect([answer.status, answer.body.code]).toEqual([404, 'CONTRACT_NOT_FOUND']);
    }
    expect((await app.as(other, 'GET', '/contracts/P-MISSING')).body.code).toBe('CONTRACT_NOT_FOUND');
    const badDay = await app.as(clerk, 'GET', '/contracts/P-HENGDA/in-force?on=2026-13-01');
    expect(badDay.status).toBe(422);

    // Lists: staff see every contract version, a depositor its own.
    const all = await app.as(clerk, 'GET', '/contracts?limit=1');
    expect(all.body.items.map((item: { partyId: string; version: number }) => `${item.partyId}/${item.version}`)).toEqual(['P-HENGDA/1']);
    const next = await app.as(clerk, 'GET', `/contracts?limit=5&cursor=${all.body.nextCursor}`);
    expect(next.body.items.map((item: { version: number }) => item.version)).toEqual([2]);
    expect((await app.as(other, 'GET', '/contracts')).body.items).toEqual([]);
    expect((await app.as(hengda, 'GET', '/contracts')).body.items).toHaveLength(2);
  });

  it('rebuilds the rate card versions read model from the log, equal row for row to the live one', async () => {
    const rows = async () =>
      (
        await app.app
          .get(Database)
          .query(`SELECT card, party_id, version, effective_from::text, terms, published_by, published_at FROM rate_card_versions ORDER BY card, version`)
      ).rows;
    const live = await rows();
    // The default's version 1 and the contract's versions 1 and 2.
    expect(live).toHaveLength(3);
    await rebuildService(billingServiceDefinition, app.commandEnv(), [], () => undefined);
    expect(await rows()).toEqual(live);
  });
});
