import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { storageCardDecider } from './storage-card.decider';
import { StorageCardEvent } from './storage-card.events';

const at = '2026-03-02T02:00:00Z';
const depositor: Actor = { subject: 'user-li', role: 'depositor', partyId: 'party-hengda' };
const otherDepositor: Actor = { subject: 'user-wang', role: 'depositor', partyId: 'party-other' };
const clerk: Actor = { subject: 'clerk-zhao', role: 'clerk' };
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };

const applied: StorageCardEvent = {
  type: 'StorageCardApplied',
  data: { cardNumber: 'SC-0001', ownerPartyId: 'party-hengda', holderName: '恒达钢铁贸易有限公司', actor: depositor, at },
};
const approved: StorageCardEvent = { type: 'StorageCardApproved', data: { cardNumber: 'SC-0001', actor: clerk, at } };
const suspended: StorageCardEvent = {
  type: 'StorageCardSuspended',
  data: { cardNumber: 'SC-0001', reason: 'KYC review', actor: clerk, at },
};

const spec = deciderSpec(storageCardDecider);

describe('storage card decider', () => {
  describe('application', () => {
    const apply = (actor: Actor, overrides: Partial<{ ownerPartyId: string; holderName: string }> = {}) => ({
      type: 'ApplyForStorageCard' as const,
      data: { cardNumber: 'SC-0001', ownerPartyId: 'party-hengda', holderName: '恒达钢铁贸易有限公司', actor, at, ...overrides },
    });

    it('a depositor applies online for its own card', () => {
      spec.given([]).when(apply(depositor)).then([applied]);
    });

    it('refuses an application on behalf of another party', () => {
      spec.given([]).when(apply(otherDepositor)).thenRefusedWith('OWN_PARTY_ONLY', { field: 'ownerPartyId' });
    });

    it('refuses staff applying in the depositor’s place (the depositor applies itself)', () => {
      spec.given([]).when(apply(clerk)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    });

    it('refuses a blank holder name with the field named', () => {
      const error = refusalOf(() => storageCardDecider.decide(apply(depositor, { holderName: '  ' }), null));
      expect([error.code, error.kind, error.field]).toEqual(['FIELD_REQUIRED', 'invalid', 'holderName']);
    });

    it('refuses a second application for the same card number', () => {
      spec.given([applied]).when(apply(depositor)).thenRefusedWith('CARD_ALREADY_EXISTS');
    });
  });

  describe('review by staff', () => {
    it('approves a pending card', () => {
      spec
        .given([applied])
        .when({ type: 'ApproveStorageCard', data: { actor: clerk, at } })
        .then([approved]);
    });

    it('rejects a pending card with a reason', () => {
      spec
        .given([applied])
        .when({ type: 'RejectStorageCard', data: { reason: 'licence expired', actor: manager, at } })
        .then([{ type: 'StorageCardRejected', data: { cardNumber: 'SC-0001', reason: 'licence expired', actor: manager, at } }]);
    });

    it('refuses approval by the depositor itself', () => {
      spec
        .given([applied])
        .when({ type: 'ApproveStorageCard', data: { actor: depositor, at } })
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    });

    it('refuses approving twice and approving an unknown card', () => {
      spec
        .given([applied, approved])
        .when({ type: 'ApproveStorageCard', data: { actor: clerk, at } })
        .thenRefusedWith('CARD_NOT_PENDING', {
          status: 'approved',
        });
      spec
        .given([])
        .when({ type: 'ApproveStorageCard', data: { actor: clerk, at } })
        .thenRefusedWith('CARD_NOT_FOUND');
    });

    it('refuses a rejection without a reason', () => {
      spec
        .given([applied])
        .when({ type: 'RejectStorageCard', data: { reason: '', actor: clerk, at } })
        .thenRefusedWith('FIELD_REQUIRED');
    });
  });

  describe('suspension, reinstatement and closing', () => {
    it('suspends an approved card and reinstates it', () => {
      spec
        .given([applied, approved])
        .when({ type: 'SuspendStorageCard', data: { reason: 'KYC review', actor: clerk, at } })
        .then([suspended]);
      spec
        .given([applied, approved, suspended])
        .when({ type: 'ReinstateStorageCard', data: { actor: clerk, at } })
        .then([{ type: 'StorageCardReinstated', data: { cardNumber: 'SC-0001', actor: clerk, at } }]);
    });

    it('refuses suspending a card that is not approved and reinstating one that is not suspended', () => {
      spec
        .given([applied])
        .when({ type: 'SuspendStorageCard', data: { reason: 'x', actor: clerk, at } })
        .thenRefusedWith('CARD_NOT_APPROVED');
      spec
        .given([applied, approved])
        .when({ type: 'ReinstateStorageCard', data: { actor: clerk, at } })
        .thenRefusedWith('CARD_NOT_SUSPENDED');
    });

    it('lets the owner close its card when it holds no receipts', () => {
      spec
        .given([applied, approved])
        .when({ type: 'CloseStorageCard', data: { reason: 'business ended', liveReceipts: 0, actor: depositor, at } })
        .then([{ type: 'StorageCardClosed', data: { cardNumber: 'SC-0001', reason: 'business ended', actor: depositor, at } }]);
    });

    it('refuses closing a card that still holds receipts', () => {
      spec
        .given([applied, approved])
        .when({ type: 'CloseStorageCard', data: { reason: 'x', liveReceipts: 2, actor: manager, at } })
        .thenRefusedWith('CARD_HAS_LIVE_RECEIPTS', { liveReceipts: 2 });
    });

    it('refuses closing by another depositor or by a clerk, and closing a pending card', () => {
      const close = (actor: Actor) => ({ type: 'CloseStorageCard' as const, data: { reason: 'x', liveReceipts: 0, actor, at } });
      spec.given([applied, approved]).when(close(otherDepositor)).thenRefusedWith('CARD_NOT_FOUND');
      spec.given([applied, approved]).when(close(clerk)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
      spec.given([applied]).when(close(manager)).thenRefusedWith('CARD_NOT_OPEN', { status: 'applied' });
    });

    it('refuses a negative receipt count as bad input', () => {
      spec
        .given([applied, approved])
        .when({ type: 'CloseStorageCard', data: { reason: 'x', liveReceipts: -1, actor: manager, at } })
        .thenRefusedWith('INVALID_COUNT');
    });
  });

  it('refuses a command whose time has no zone', () => {
    spec
      .given([applied])
      .when({ type: 'ApproveStorageCard', data: { actor: clerk, at: '2026-03-02 10:00' } })
      .thenRefusedWith('INVALID_INSTANT');
  });
});
