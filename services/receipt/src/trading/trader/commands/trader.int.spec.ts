import { fromBinary } from '@bufbuild/protobuf';
import { randomUUID } from 'node:crypto';
import { TraderApprovedSchema, TraderClosedSchema, receiptTraderTopic } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import type { IncomingMessage, MessageConsumer } from '@dw/messaging';
import { testMessageBus, waitFor } from '@dw/testing';
import { BANK, EXCHANGE, ReceiptTestApp } from '../../../testing/receipt-test-app.spec-helper';
import { clerk, depositor, manager } from '../../../testing/receipt-scenario.spec-helper';
import { BANK_ACCOUNT, TradingMarketScenario } from '../../testing/trading-market-scenario.spec-helper';

/**
 * Receipt traders over HTTP on real PostgreSQL and Kafka: a depositor applies with its own
 * approved storage card, the exchange decides through its signed integration API, every fact is
 * published on receipt.trader.v1 keyed by the party; each refusal leaves the log as it was.
 */
describe('receipt traders: application, the exchange’s decisions, receipt.trader.v1', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let trading: TradingMarketScenario;
  let consumer: MessageConsumer;
  const published: IncomingMessage[] = [];
  const hengda = depositor('party-hengda');
  const huadong = depositor('party-huadong');
  let card: string;
  let huadongCard: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('traders', { clock });
    trading = new TradingMarketScenario(app);
    card = await trading.openCard(hengda, '恒达钢铁贸易有限公司');
    huadongCard = await trading.openCard(huadong, '华东建材有限公司');
    await trading.setMarket('rebar');
    await trading.setMarket('hrc');
    consumer = testMessageBus().consumer({ groupId: `spec-${randomUUID()}`, topics: [app.topic(receiptTraderTopic)], fromBeginning: true });
    await consumer.run(async (messages, context) => {
      for (const message of messages) {
        published.push(message);
        await context.commit(message);
      }
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    await app?.close();
  });

  const apply = (person = hengda, body: Record<string, unknown> = {}) =>
    app.as(person, 'POST', '/trading/traders', { storageCard: card, name: '恒达钢铁贸易有限公司', commodities: ['rebar'], bankAccount: BANK_ACCOUNT, ...body });
  const exchange = (partyId: string, action: string, body?: unknown) =>
    app.signed(EXCHANGE, 'POST', `/integration/exchange/traders/${partyId}/${action}`, body);

  it('a depositor applies with its own approved card, the exchange approves, and both facts are on receipt.trader.v1 keyed by the party', async () => {
    const applied = await apply();
    expect(applied.status).toBe(201);
    expect(applied.body).toEqual({ partyId: 'party-hengda', accountNumber: card, status: 'applied', version: 1 });
    expect(applied.headers.get('location')).toBe('/trading/traders/party-hengda');
    const approved = await exchange('party-hengda', 'approve');
    expect([approved.status, approved.body.status, approved.body.version]).toEqual([200, 'approved', 2]);

    const messages = await waitFor(() => (published.length >= 2 ? published : undefined), { timeoutMs: 60_000, describe: 'two trader messages' });
    expect(messages.map((m) => [m.headers.ce_type, m.key])).toEqual([
      ['dw.receipt.v1.TraderQualificationApplied', 'party-hengda'],
      ['dw.receipt.v1.TraderApproved', 'party-hengda'],
    ]);
    // The approval carries the trader whole, so billing opens the trading account from it alone.
    expect(fromBinary(TraderApprovedSchema, messages[1]!.value)).toMatchObject({
      partyId: 'party-hengda',
      accountNumber: card,
      name: '恒达钢铁贸易有限公司',
      commodities: ['rebar'],
      bankAccount: BANK_ACCOUNT,
      approvedBy: { subject: EXCHANGE.id, role: 'exchange' },
    });
  });

  it('lets the trader itself, a manager and the exchange read it; another depositor gets 404 as if there were none', async () => {
    const own = await app.as(hengda, 'GET', '/trading/traders/party-hengda');
    expect(own.status).toBe(200);
    expect(own.body).toEqual({
      partyId: 'party-hengda',
      accountNumber: card,
      name: '恒达钢铁贸易有限公司',
      commodities: ['rebar'],
      bankAccount: BANK_ACCOUNT,
      status: 'approved',
      closureRequested: false,
      version: 2,
    });
    expect(own.headers.get('etag')).toBe('"2"');
    expect((await app.as(manager, 'GET', '/trading/traders/party-hengda')).body.status).toBe('approved');
    expect((await app.signed(EXCHANGE, 'GET', '/integration/exchange/traders/party-hengda')).body.accountNumber).toBe(card);
    const theirs = await app.as(huadong, 'GET', '/trading/traders/party-hengda');
    const none = await app.as(huadong, 'GET', '/trading/traders/party-nobody');
    expect([theirs.status, theirs.body.code]).toEqual([404, 'TRADER_NOT_FOUND']);
    expect([none.status, none.body.code]).toEqual([404, 'TRADER_NOT_FOUND']);
    expect((await app.as(clerk, 'GET', '/trading/traders')).status).toBe(403);
  });

  it('refuses applying twice, someone else’s card, a card not approved, a commodity not traded and malformed bodies, writing nothing', async () => {
    const pendingCard = (await app.as(huadong, 'POST', '/storage-cards', { holderName: '华东建材有限公司' })).body.cardNumber as string;
    const before = await trading.eventCount();

    const twice = await apply();
    expect([twice.status, twice.body.code, twice.body.details.status]).toEqual([409, 'TRADER_ALREADY_APPLIED', 'approved']);
    const othersCard = await apply(huadong, { storageCard: card });
    expect([othersCard.status, othersCard.body.code, othersCard.body.details.field]).toEqual([404, 'CARD_NOT_FOUND', 'storageCard']);
    const noCard = await apply(huadong, { storageCard: 'SC999999' });
    expect([noCard.status, noCard.body.code]).toEqual([404, 'CARD_NOT_FOUND']);
    const notApproved = await apply(huadong, { storageCard: pendingCard });
    expect([notApproved.status, notApproved.body.code]).toEqual([409, 'CARD_NOT_APPROVED']);
    const gold = await apply(huadong, { storageCard: huadongCard, commodities: ['rebar', 'gold'] });
    expect([gold.status, gold.body.code, gold.body.field]).toEqual([422, 'COMMODITY_NOT_TRADED', 'commodities[1]']);
    const repeated = await apply(huadong, { storageCard: huadongCard, commodities: ['rebar', 'rebar'] });
    expect([repeated.status, repeated.body.code]).toEqual([422, 'LIST_HAS_REPEATS']);

    for (const body of [
      { commodities: [] },
      { commodities: ['Rebar!'] },
      { commodities: 'rebar' },
      { bankAccount: { ...BANK_ACCOUNT, bank: '' } },
      { bankAccount: null },
      { name: 42 },
      { surprise: true },
    ]) {
      const answer = await apply(huadong, { storageCard: huadongCard, ...body });
      expect({ body, status: answer.status, code: answer.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    const asClerk = await app.as(clerk, 'POST', '/trading/traders', { storageCard: card, name: 'x', commodities: ['rebar'], bankAccount: BANK_ACCOUNT });
    expect([asClerk.status, asClerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(await trading.eventCount()).toBe(before);
  });

  it('refuses unsigned exchange calls, a bank client, a person’s token and a missing Idempotency-Key; the trader stays as it was', async () => {
    expect((await apply(huadong, { storageCard: huadongCard, commodities: ['hrc'] })).status).toBe(201);
    const path = '/integration/exchange/traders/party-huadong/approve';
    const before = await trading.eventCount();
    const unsigned = await app.send('POST', path, undefined, { 'idempotency-key': randomUUID() });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    const asPerson = await app.as(manager, 'POST', path, undefined, { 'idempotency-key': randomUUID() });
    expect(asPerson.status).toBe(401);
    const asBank = await app.signed(BANK, 'POST', path);
    expect([asBank.status, asBank.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const noKey = await app.signed(EXCHANGE, 'POST', path, undefined, { headers: { 'idempotency-key': '' } });
    expect(noKey.status).toBe(400);
    expect(await trading.eventCount()).toBe(before);
    expect((await app.signed(EXCHANGE, 'GET', '/integration/exchange/traders/party-huadong')).body.status).toBe('applied');

    // The same Idempotency-Key twice: one approval, the first answer replayed.
    const key = randomUUID();
    const first = await app.signed(EXCHANGE, 'POST', path, undefined, { idempotencyKey: key });
    const again = await app.signed(EXCHANGE, 'POST', path, undefined, { idempotencyKey: key });
    expect([first.status, again.status, again.body]).toEqual([200, 200, first.body]);
    const decided = await exchange('party-huadong', 'approve');
    expect([decided.status, decided.body.code]).toEqual([409, 'TRADER_NOT_PENDING']);
  });

  it('the exchange changes permissions, suspends and reinstates; the trader changes its bank account, asks to close, and the exchange closes it', async () => {
    const permissions = await exchange('party-huadong', 'permissions', { commodities: ['hrc', 'rebar'] });
    expect([permissions.status, permissions.body.version]).toEqual([200, 3]);
    const notTraded = await exchange('party-huadong', 'permissions', { commodities: ['gold'] });
    expect([notTraded.status, notTraded.body.code]).toEqual([422, 'COMMODITY_NOT_TRADED']);
    expect((await exchange('party-huadong', 'suspend', { reason: 'risk review' })).body.status).toBe('suspended');
    const suspendAgain = await exchange('party-huadong', 'suspend', { reason: 'again' });
    expect([suspendAgain.status, suspendAgain.body.code]).toEqual([409, 'TRADER_NOT_APPROVED']);
    expect((await exchange('party-huadong', 'reinstate')).body.status).toBe('approved');

    const account = { accountName: '华东建材有限公司', accountNumber: '6217001234567890', bank: '中国建设银行上海分行' };
    const changed = await app.as(huadong, 'POST', '/trading/traders/party-huadong/bank-account', account);
    // applied 1, approved 2, permissions 3, suspended 4, reinstated 5, bank account 6.
    expect([changed.status, changed.body.version]).toEqual([200, 6]);
    const notOwn = await app.as(hengda, 'POST', '/trading/traders/party-huadong/bank-account', account);
    expect([notOwn.status, notOwn.body.code]).toEqual([404, 'TRADER_NOT_FOUND']);
    const stale = await app.as(huadong, 'POST', '/trading/traders/party-huadong/closure-request', { reason: 'x' }, { 'if-match': '"3"' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STREAM_VERSION_CONFLICT']);

    const notRequested = await exchange('party-huadong', 'close', { basis: 'request', reason: 'approved' });
    expect([notRequested.status, notRequested.body.code]).toEqual([409, 'TRADER_CLOSURE_NOT_REQUESTED']);
    expect((await app.as(huadong, 'POST', '/trading/traders/party-huadong/closure-request', { reason: 'leaving the business' })).status).toBe(200);
    const closed = await exchange('party-huadong', 'close', { basis: 'request', reason: 'request approved, funds settled' });
    expect([closed.status, closed.body.status]).toEqual([200, 'closed']);

    const closing = await waitFor(() => published.find((m) => m.headers.ce_type === 'dw.receipt.v1.TraderClosed'), {
      timeoutMs: 60_000,
      describe: 'TraderClosed published',
    });
    expect(fromBinary(TraderClosedSchema, closing.value)).toMatchObject({ partyId: 'party-huadong', reason: 'request approved, funds settled' });
    // The trader's own request is not a public fact; every other change is, in order.
    const huadongTypes = published.filter((m) => m.key === 'party-huadong').map((m) => m.headers.ce_type!.replace('dw.receipt.v1.', ''));
    expect(huadongTypes).toEqual([
      'TraderQualificationApplied',
      'TraderApproved',
      'TraderPermissionsChanged',
      'TraderSuspended',
      'TraderReinstated',
      'TraderBankAccountChanged',
      'TraderClosed',
    ]);
  });

  it('lists traders for managers and the exchange, by party, filtered by status and paginated', async () => {
    const all = await app.as(manager, 'GET', '/trading/traders?limit=1');
    expect(all.status).toBe(200);
    expect(all.body.items.map((t: { partyId: string }) => t.partyId)).toEqual(['party-hengda']);
    const next = await app.as(manager, 'GET', `/trading/traders?limit=1&cursor=${encodeURIComponent(all.body.nextCursor)}`);
    expect(next.body.items.map((t: { partyId: string; status: string }) => [t.partyId, t.status])).toEqual([['party-huadong', 'closed']]);
    const closed = await app.signed(EXCHANGE, 'GET', '/integration/exchange/traders?status=closed');
    expect(closed.body.items.map((t: { partyId: string; lastReason: string }) => [t.partyId, t.lastReason])).toEqual([
      ['party-huadong', 'request approved, funds settled'],
    ]);
    const bad = await app.as(manager, 'GET', '/trading/traders?status=sleeping');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
