import { deciderSpec, refusalOf } from '@dw/testing';
import type { Actor } from '../../../common/domain/actor';
import type { StorageCard } from '../../../storage-card/domain/storage-card';
import type { ApplyForTrading } from './trader.commands';
import { traderDecider } from './trader.decider';
import type { TraderEvent } from './trader.events';

const at = '2026-03-02T02:00:00Z';
const hengda: Actor = { subject: 'user-li', role: 'depositor', partyId: 'party-hengda' };
const other: Actor = { subject: 'user-wang', role: 'depositor', partyId: 'party-other' };
const exchange: Actor = { subject: 'shfe', role: 'exchange', partyId: 'shfe' };
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const card: StorageCard = { cardNumber: 'SC000042', ownerPartyId: 'party-hengda', holderName: '恒达钢铁贸易有限公司', status: 'approved' };
const bankAccount = { accountName: '恒达钢铁贸易有限公司', accountNumber: '6222021001123456789', bank: '中国工商银行上海分行' };
const traded = ['rebar', 'hrc'];

const apply = (data: Partial<ApplyForTrading['data']> = {}): ApplyForTrading => ({
  type: 'ApplyForTrading',
  data: {
    partyId: 'party-hengda',
    cardNumber: 'SC000042',
    card,
    name: '恒达钢铁贸易有限公司',
    commodities: ['rebar'],
    tradedCommodities: traded,
    bankAccount,
    actor: hengda,
    at,
    ...data,
  },
});

const applied: TraderEvent = {
  type: 'TraderQualificationApplied',
  data: { partyId: 'party-hengda', accountNumber: 'SC000042', name: '恒达钢铁贸易有限公司', commodities: ['rebar'], bankAccount, actor: hengda, at },
};
const approved: TraderEvent = { type: 'TraderApproved', data: { partyId: 'party-hengda', actor: exchange, at } };
const suspended: TraderEvent = { type: 'TraderSuspended', data: { partyId: 'party-hengda', reason: 'risk review', actor: exchange, at } };
const closureRequested: TraderEvent = { type: 'TraderClosureRequested', data: { partyId: 'party-hengda', reason: 'leaving the business', actor: hengda, at } };
const closed: TraderEvent = { type: 'TraderClosed', data: { partyId: 'party-hengda', reason: 'false documents', basis: 'revocation', actor: exchange, at } };

const spec = deciderSpec(traderDecider);

describe('trader decider', () => {
  describe('application (第六条至第十条)', () => {
    it('a depositor applies with its own approved storage card: the account number is the card number', () => {
      spec.given([]).when(apply()).then([applied]);
    });

    it('refuses an application in another party’s name', () => {
      spec
        .given([])
        .when(apply({ actor: other }))
        .thenRefusedWith('OWN_PARTY_ONLY', { field: 'partyId' });
    });

    it('answers another party’s card exactly as a missing one', () => {
      const theirs: StorageCard = { ...card, ownerPartyId: 'party-other' };
      spec
        .given([])
        .when(apply({ card: theirs }))
        .thenRefusedWith('CARD_NOT_FOUND', { field: 'storageCard' });
      spec
        .given([])
        .when(apply({ card: null }))
        .thenRefusedWith('CARD_NOT_FOUND', { field: 'storageCard' });
    });

    it('refuses a card that is not approved', () => {
      spec
        .given([])
        .when(apply({ card: { ...card, status: 'suspended' } }))
        .thenRefusedWith('CARD_NOT_APPROVED', { status: 'suspended' });
    });

    it('refuses applying twice while applied, approved or suspended: one account per trader', () => {
      spec.given([applied]).when(apply()).thenRefusedWith('TRADER_ALREADY_APPLIED', { status: 'applied', accountNumber: 'SC000042' });
      spec.given([applied, approved]).when(apply()).thenRefusedWith('TRADER_ALREADY_APPLIED', { status: 'approved' });
      spec.given([applied, approved, suspended]).when(apply()).thenRefusedWith('TRADER_ALREADY_APPLIED', { status: 'suspended' });
    });

    it('lets a party apply anew after a rejection or a closing', () => {
      const rejected: TraderEvent = { type: 'TraderRejected', data: { partyId: 'party-hengda', reason: 'licence missing', actor: exchange, at } };
      spec.given([applied, rejected]).when(apply()).then([applied]);
      spec.given([applied, approved, closed]).when(apply()).then([applied]);
    });

    it('refuses a commodity the exchange does not trade on the platform, naming it', () => {
      const error = refusalOf(() => traderDecider.decide(apply({ commodities: ['rebar', 'gold'] }), null));
      expect([error.code, error.kind, error.field, error.details]).toEqual(['COMMODITY_NOT_TRADED', 'invalid', 'commodities[1]', { commodity: 'gold' }]);
    });

    it('refuses an empty or repeating commodity list, a blank name and a blank bank account field', () => {
      spec
        .given([])
        .when(apply({ commodities: [] }))
        .thenRefusedWith('LIST_EMPTY');
      spec
        .given([])
        .when(apply({ commodities: ['rebar', 'rebar'] }))
        .thenRefusedWith('LIST_HAS_REPEATS');
      spec
        .given([])
        .when(apply({ name: ' ' }))
        .thenRefusedWith('FIELD_REQUIRED');
      const error = refusalOf(() => traderDecider.decide(apply({ bankAccount: { ...bankAccount, bank: '' } }), null));
      expect([error.code, error.field]).toEqual(['FIELD_REQUIRED', 'bankAccount.bank']);
    });

    it('refuses staff and the exchange applying in the depositor’s place', () => {
      spec
        .given([])
        .when(apply({ actor: manager }))
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
      spec
        .given([])
        .when(apply({ actor: exchange }))
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    });
  });

  describe('review by the exchange', () => {
    it('the exchange approves or rejects an applied trader', () => {
      spec
        .given([applied])
        .when({ type: 'ApproveTrader', data: { actor: exchange, at } })
        .then([approved]);
      spec
        .given([applied])
        .when({ type: 'RejectTrader', data: { reason: 'licence missing', actor: exchange, at } })
        .then([{ type: 'TraderRejected', data: { partyId: 'party-hengda', reason: 'licence missing', actor: exchange, at } }]);
    });

    it('refuses approval by anyone but the exchange, approving twice and approving a party that never applied', () => {
      spec
        .given([applied])
        .when({ type: 'ApproveTrader', data: { actor: manager, at } })
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
      spec
        .given([applied, approved])
        .when({ type: 'ApproveTrader', data: { actor: exchange, at } })
        .thenRefusedWith('TRADER_NOT_PENDING', { status: 'approved' });
      spec
        .given([])
        .when({ type: 'ApproveTrader', data: { actor: exchange, at } })
        .thenRefusedWith('TRADER_NOT_FOUND');
    });
  });

  describe('daily management (第十二条)', () => {
    it('the exchange changes the permitted commodities; the same list again changes nothing', () => {
      spec
        .given([applied, approved])
        .when({ type: 'ChangeTraderPermissions', data: { commodities: ['hrc', 'rebar'], tradedCommodities: traded, actor: exchange, at } })
        .then([{ type: 'TraderPermissionsChanged', data: { partyId: 'party-hengda', commodities: ['hrc', 'rebar'], actor: exchange, at } }]);
      spec
        .given([applied, approved])
        .when({ type: 'ChangeTraderPermissions', data: { commodities: ['rebar'], tradedCommodities: traded, actor: exchange, at } })
        .then([]);
      spec
        .given([applied])
        .when({ type: 'ChangeTraderPermissions', data: { commodities: ['hrc'], tradedCommodities: traded, actor: exchange, at } })
        .thenRefusedWith('TRADER_NOT_OPEN', { status: 'applied' });
    });

    it('suspends an approved trader and reinstates a suspended one', () => {
      spec
        .given([applied, approved])
        .when({ type: 'SuspendTrader', data: { reason: 'risk review', actor: exchange, at } })
        .then([suspended]);
      spec
        .given([applied, approved, suspended])
        .when({ type: 'ReinstateTrader', data: { actor: exchange, at } })
        .then([{ type: 'TraderReinstated', data: { partyId: 'party-hengda', actor: exchange, at } }]);
    });

    it('refuses suspending a trader that is not approved and reinstating one that is not suspended', () => {
      spec
        .given([applied, approved, suspended])
        .when({ type: 'SuspendTrader', data: { reason: 'x', actor: exchange, at } })
        .thenRefusedWith('TRADER_NOT_APPROVED');
      spec
        .given([applied, approved])
        .when({ type: 'ReinstateTrader', data: { actor: exchange, at } })
        .thenRefusedWith('TRADER_NOT_SUSPENDED');
    });

    it('the trader changes its own bank settlement account; another depositor is answered as if there were no trader', () => {
      const next = { accountName: '恒达钢铁贸易有限公司', accountNumber: '6217001234567890', bank: '中国建设银行上海分行' };
      spec
        .given([applied, approved])
        .when({ type: 'ChangeTraderBankAccount', data: { bankAccount: next, actor: hengda, at } })
        .then([{ type: 'TraderBankAccountChanged', data: { partyId: 'party-hengda', bankAccount: next, actor: hengda, at } }]);
      spec
        .given([applied, approved])
        .when({ type: 'ChangeTraderBankAccount', data: { bankAccount, actor: hengda, at } })
        .then([]);
      spec
        .given([applied, approved])
        .when({ type: 'ChangeTraderBankAccount', data: { bankAccount: next, actor: other, at } })
        .thenRefusedWith('TRADER_NOT_FOUND');
      spec
        .given([applied, approved, closed])
        .when({ type: 'ChangeTraderBankAccount', data: { bankAccount: next, actor: hengda, at } })
        .thenRefusedWith('TRADER_NOT_OPEN', { status: 'closed' });
    });
  });

  describe('closing (第十二条, 第十四条)', () => {
    it('the exchange revokes a qualification with a reason', () => {
      spec
        .given([applied, approved, suspended])
        .when({ type: 'CloseTrader', data: { reason: 'false documents', basis: 'revocation', actor: exchange, at } })
        .then([closed]);
    });

    it('the trader asks to close and the exchange approves its request; asking again changes nothing', () => {
      spec
        .given([applied, approved])
        .when({ type: 'RequestTraderClosure', data: { reason: 'leaving the business', actor: hengda, at } })
        .then([closureRequested]);
      spec
        .given([applied, approved, closureRequested])
        .when({ type: 'RequestTraderClosure', data: { reason: 'again', actor: hengda, at } })
        .then([]);
      spec
        .given([applied, approved, closureRequested])
        .when({ type: 'CloseTrader', data: { reason: 'request approved', basis: 'request', actor: exchange, at } })
        .then([{ type: 'TraderClosed', data: { partyId: 'party-hengda', reason: 'request approved', basis: 'request', actor: exchange, at } }]);
    });

    it('refuses closing at a request the trader never made, closing twice, and an unknown basis', () => {
      spec
        .given([applied, approved])
        .when({ type: 'CloseTrader', data: { reason: 'x', basis: 'request', actor: exchange, at } })
        .thenRefusedWith('TRADER_CLOSURE_NOT_REQUESTED', { field: 'basis' });
      spec
        .given([applied, approved, closed])
        .when({ type: 'CloseTrader', data: { reason: 'x', basis: 'revocation', actor: exchange, at } })
        .thenRefusedWith('TRADER_NOT_OPEN', { status: 'closed' });
      spec
        .given([applied, approved])
        .when({ type: 'CloseTrader', data: { reason: 'x', basis: 'whim' as 'request', actor: exchange, at } })
        .thenRefusedWith('VALUE_NOT_ALLOWED');
    });

    it('refuses a closing request by another depositor or by a trader not yet approved', () => {
      spec
        .given([applied, approved])
        .when({ type: 'RequestTraderClosure', data: { reason: 'x', actor: other, at } })
        .thenRefusedWith('TRADER_NOT_FOUND');
      spec
        .given([applied])
        .when({ type: 'RequestTraderClosure', data: { reason: 'x', actor: hengda, at } })
        .thenRefusedWith('TRADER_NOT_OPEN');
    });
  });

  it('folds the trader from its events', () => {
    const state = [applied, approved, closureRequested].reduce(traderDecider.evolve, traderDecider.initialState());
    expect(state).toEqual({
      partyId: 'party-hengda',
      accountNumber: 'SC000042',
      name: '恒达钢铁贸易有限公司',
      commodities: ['rebar'],
      bankAccount,
      status: 'approved',
      closureRequested: true,
    });
  });
});
