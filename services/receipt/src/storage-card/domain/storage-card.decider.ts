import { Decider, refuse, requireText, requireInstant, unhandledCommand } from '@dw/kernel';
import { Actor, ActorRole, requireRole } from '../../common/domain/actor';
import { StorageCardCommand } from './storage-card.commands';
import { StorageCardEvent } from './storage-card.events';
import { StorageCard, StorageCardStatus } from './storage-card';

/** One stream per card; the state is the card itself (null before the application). */
export type StorageCardState = StorageCard | null;

const STAFF: readonly ActorRole[] = ['clerk', 'manager'];

const noSuchCard = () => refuse.notFound('CARD_NOT_FOUND', 'no such storage card');

function existing(state: StorageCardState): StorageCard {
  if (!state) throw noSuchCard();
  return state;
}

function requireStatus(card: StorageCard, wanted: StorageCardStatus, code: string): void {
  if (card.status !== wanted) {
    throw refuse.conflict(code, `storage card ${card.cardNumber} is ${card.status}, not ${wanted}`, {
      cardNumber: card.cardNumber,
      status: card.status,
    });
  }
}

function requireStaff(actor: Actor, action: string): void {
  requireRole(actor, STAFF, action);
}

function withStatus(state: StorageCardState, status: StorageCardStatus): StorageCardState {
  return state && { ...state, status };
}

export const storageCardDecider: Decider<StorageCardCommand, StorageCardState, StorageCardEvent> = {
  initialState: () => null,

  evolve(state, event) {
    switch (event.type) {
      case 'StorageCardApplied': {
        const { cardNumber, ownerPartyId, holderName } = event.data;
        return { cardNumber, ownerPartyId, holderName, status: 'applied' };
      }
      case 'StorageCardApproved':
      case 'StorageCardReinstated':
        return withStatus(state, 'approved');
      case 'StorageCardRejected':
        return withStatus(state, 'rejected');
      case 'StorageCardSuspended':
        return withStatus(state, 'suspended');
      case 'StorageCardClosed':
        return withStatus(state, 'closed');
    }
  },

  decide(command, state) {
    const { actor, at } = command.data;
    requireInstant(at, 'at');
    switch (command.type) {
      case 'ApplyForStorageCard': {
        // rule RCPT-CARD-APPLY-OWN
        const cardNumber = requireText(command.data.cardNumber, 'cardNumber');
        const ownerPartyId = requireText(command.data.ownerPartyId, 'ownerPartyId');
        const holderName = requireText(command.data.holderName, 'holderName');
        requireRole(actor, ['depositor'], 'apply for a storage card');
        if (actor.partyId !== ownerPartyId) {
          throw refuse.forbidden('OWN_PARTY_ONLY', 'a depositor applies for a storage card in its own party’s name only', { field: 'ownerPartyId' });
        }
        if (state) throw refuse.conflict('CARD_ALREADY_EXISTS', `storage card ${cardNumber} already exists`, { cardNumber });
        return [{ type: 'StorageCardApplied', data: { cardNumber, ownerPartyId, holderName, actor, at } }];
      }
      case 'ApproveStorageCard': {
        // rule RCPT-CARD-REVIEW
        requireStaff(actor, 'approve a storage card');
        const card = existing(state);
        requireStatus(card, 'applied', 'CARD_NOT_PENDING');
        return [{ type: 'StorageCardApproved', data: { cardNumber: card.cardNumber, actor, at } }];
      }
      case 'RejectStorageCard': {
        // rule RCPT-CARD-REVIEW
        requireStaff(actor, 'reject a storage card');
        const reason = requireText(command.data.reason, 'reason');
        const card = existing(state);
        requireStatus(card, 'applied', 'CARD_NOT_PENDING');
        return [{ type: 'StorageCardRejected', data: { cardNumber: card.cardNumber, reason, actor, at } }];
      }
      case 'SuspendStorageCard': {
        // rule RCPT-CARD-REVIEW
        requireStaff(actor, 'suspend a storage card');
        const reason = requireText(command.data.reason, 'reason');
        const card = existing(state);
        requireStatus(card, 'approved', 'CARD_NOT_APPROVED');
        return [{ type: 'StorageCardSuspended', data: { cardNumber: card.cardNumber, reason, actor, at } }];
      }
      case 'ReinstateStorageCard': {
        // rule RCPT-CARD-REVIEW
        requireStaff(actor, 'reinstate a storage card');
        const card = existing(state);
        requireStatus(card, 'suspended', 'CARD_NOT_SUSPENDED');
        return [{ type: 'StorageCardReinstated', data: { cardNumber: card.cardNumber, actor, at } }];
      }
      case 'CloseStorageCard': {
        // rule RCPT-CARD-CLOSE-EMPTY
        const card = existing(state);
        // The owner may close its own card; otherwise only a manager. Another depositor's card
        // answers as a missing one, so card numbers cannot be probed for their holders.
        if (actor.role === 'depositor' && actor.partyId !== card.ownerPartyId) throw noSuchCard();
        if (actor.role !== 'depositor') requireRole(actor, ['manager'], 'close a storage card');
        const reason = requireText(command.data.reason, 'reason');
        if (card.status !== 'approved' && card.status !== 'suspended') {
          throw refuse.conflict('CARD_NOT_OPEN', `storage card ${card.cardNumber} is ${card.status}`, {
            cardNumber: card.cardNumber,
            status: card.status,
          });
        }
        const { liveReceipts } = command.data;
        if (!Number.isSafeInteger(liveReceipts) || liveReceipts < 0) {
          throw refuse.invalid('INVALID_COUNT', 'liveReceipts must be a whole number, at least 0', 'liveReceipts');
        }
        // Title must never be left pointing at a closed account.
        if (liveReceipts > 0) {
          throw refuse.conflict('CARD_HAS_LIVE_RECEIPTS', `storage card ${card.cardNumber} still holds ${liveReceipts} receipt(s)`, {
            cardNumber: card.cardNumber,
            liveReceipts,
          });
        }
        return [{ type: 'StorageCardClosed', data: { cardNumber: card.cardNumber, reason, actor, at } }];
      }
      default:
        return unhandledCommand(command);
    }
  },
};
