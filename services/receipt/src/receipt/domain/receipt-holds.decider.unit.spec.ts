import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { ReceiptCommand } from './receipt.commands';
import { receiptDecider } from './receipt.decider';
import { ReceiptEvent } from './receipt.events';
import { Beneficiary, Hold, HoldKind } from './receipt.hold';
import { at, bank, clerk, court, exchange, issued, otherBank, recordR1, seller, stranger, system } from './receipt.fixtures.spec-helper';

const spec = deciderSpec(receiptDecider);

const icbc: Beneficiary = { kind: 'bank', partyId: 'ICBC-SH', name: 'ICBC Shanghai' };
const shfe: Beneficiary = { kind: 'exchange', partyId: 'SHFE', name: 'Shanghai Futures Exchange' };
const pudong: Beneficiary = { kind: 'court', partyId: 'PUDONG-COURT', name: 'Pudong People’s Court' };

const place = (holdId: string, kind: HoldKind, beneficiary: Beneficiary, actor: Actor, reason = 'reason'): ReceiptCommand => ({
  type: 'PlaceHold',
  data: { holdId, kind, beneficiary, reason, actor, at },
});
const placed = (holdId: string, kind: HoldKind, beneficiary: Beneficiary, actor: Actor, reason = 'reason'): ReceiptEvent => {
  const hold: Hold = { holdId, kind, beneficiary, reason, placedAt: at };
  return { type: 'ReceiptHoldPlaced', data: { receiptNumber: 'R-1', hold, actor, at } };
};
const release = (holdId: string, actor: Actor): ReceiptCommand => ({ type: 'ReleaseHold', data: { holdId, reason: 'loan repaid', actor, at } });

const pledge = placed('H-1', 'pledge', icbc, seller);
const expired: ReceiptEvent = {
  type: 'ReceiptExpired',
  data: { receiptNumber: 'R-1', asOf: recordR1.validUntil, validUntil: recordR1.validUntil, actor: system, at },
};

describe('receipt decider: holds', () => {
  describe('pledge to a bank', () => {
    it('the holder pledges its receipt to a bank', () => {
      spec
        .given([issued()])
        .when(place('H-1', 'pledge', icbc, seller))
        .then([pledge]);
    });

    it('no receipt is pledged twice, to the same bank or another', () => {
      spec
        .given([issued(), pledge])
        .when(place('H-2', 'pledge', icbc, seller))
        .thenRefusedWith('ALREADY_PLEDGED');
      spec
        .given([issued(), pledge])
        .when(place('H-2', 'pledge', { kind: 'bank', partyId: 'BOC-SH', name: 'BOC' }, seller))
        .thenRefusedWith('ALREADY_PLEDGED');
    });

    it('refuses a pledge by anyone but the holder, to anyone but a bank, of a frozen or expired receipt', () => {
      spec
        .given([issued()])
        .when(place('H-1', 'pledge', icbc, stranger))
        .thenRefusedWith('RECEIPT_NOT_FOUND');
      spec
        .given([issued()])
        .when(place('H-1', 'pledge', icbc, bank))
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
      const error = refusalOf(() =>
        receiptDecider.decide(place('H-1', 'pledge', shfe, seller), receiptDecider.evolve(receiptDecider.initialState(), issued())),
      );
      expect([error.code, error.field]).toEqual(['INVALID_HOLD_BENEFICIARY', 'beneficiary.kind']);
      spec
        .given([issued(), placed('F-1', 'freeze', pudong, court)])
        .when(place('H-1', 'pledge', icbc, seller))
        .thenRefusedWith('RECEIPT_HELD');
      spec
        .given([issued(), expired])
        .when(place('H-1', 'pledge', icbc, seller))
        .thenRefusedWith('RECEIPT_EXPIRED');
    });
  });

  describe('freeze by the exchange or a court', () => {
    it('a court freezes a receipt in its own name, even one already pledged or expired', () => {
      spec
        .given([issued(), pledge])
        .when(place('F-1', 'freeze', pudong, court, 'case (2026)沪0115执123'))
        .then([placed('F-1', 'freeze', pudong, court, 'case (2026)沪0115执123')]);
      spec
        .given([issued(), expired])
        .when(place('F-1', 'freeze', pudong, court))
        .then([placed('F-1', 'freeze', pudong, court)]);
    });

    it('freezes may queue: the exchange freezes a receipt a court already froze', () => {
      spec
        .given([issued(), placed('F-1', 'freeze', pudong, court)])
        .when(place('F-2', 'freeze', shfe, exchange))
        .then([placed('F-2', 'freeze', shfe, exchange)]);
    });

    it('refuses a freeze placed in another authority’s name, or for a bank', () => {
      spec
        .given([issued()])
        .when(place('F-1', 'freeze', pudong, exchange))
        .thenRefusedWith('HOLD_PLACEMENT_FORBIDDEN');
      spec
        .given([issued()])
        .when(place('F-1', 'freeze', shfe, clerk))
        .thenRefusedWith('HOLD_PLACEMENT_FORBIDDEN');
      spec
        .given([issued()])
        .when(place('F-1', 'freeze', icbc, bank))
        .thenRefusedWith('INVALID_HOLD_BENEFICIARY');
    });

    it('refuses reusing a hold id', () => {
      spec
        .given([issued(), placed('F-1', 'freeze', pudong, court)])
        .when(place('F-1', 'freeze', pudong, court))
        .thenRefusedWith('HOLD_ALREADY_EXISTS');
    });
  });

  describe('delivery hold by the exchange', () => {
    it('holds a free receipt within validity for delivery', () => {
      spec
        .given([issued()])
        .when(place('D-1', 'delivery', shfe, exchange))
        .then([placed('D-1', 'delivery', shfe, exchange)]);
    });

    it('an expired receipt cannot be delivered, nor a pledged one', () => {
      spec
        .given([issued(), expired])
        .when(place('D-1', 'delivery', shfe, exchange))
        .thenRefusedWith('RECEIPT_EXPIRED');
      spec
        .given([issued(), pledge])
        .when(place('D-1', 'delivery', shfe, exchange))
        .thenRefusedWith('RECEIPT_HELD');
    });
  });

  describe('release by the beneficiary only', () => {
    it('the pledgee bank releases its pledge, and the receipt is free again', () => {
      const released: ReceiptEvent = {
        type: 'ReceiptHoldReleased',
        data: { receiptNumber: 'R-1', holdId: 'H-1', kind: 'pledge', reason: 'loan repaid', actor: bank, at },
      };
      spec.given([issued(), pledge]).when(release('H-1', bank)).then([released]);
      spec
        .given([issued(), pledge, released])
        .when(place('H-2', 'pledge', icbc, seller))
        .then([placed('H-2', 'pledge', icbc, seller)]);
    });

    it.each<[string, Actor]>([
      ['the holder', seller],
      ['another bank', otherBank],
      ['the exchange', exchange],
      ['warehouse staff', clerk],
    ])('refuses release of a pledge by %s', (_, actor) => {
      spec.given([issued(), pledge]).when(release('H-1', actor)).thenRefusedWith('HOLD_RELEASE_FORBIDDEN', { holdId: 'H-1', kind: 'pledge' });
    });

    it('a court’s freeze is lifted by that court, not by the exchange', () => {
      const freeze = placed('F-1', 'freeze', pudong, court);
      spec.given([issued(), freeze]).when(release('F-1', exchange)).thenRefusedWith('HOLD_RELEASE_FORBIDDEN');
      spec
        .given([issued(), freeze])
        .when(release('F-1', court))
        .then([{ type: 'ReceiptHoldReleased', data: { receiptNumber: 'R-1', holdId: 'F-1', kind: 'freeze', reason: 'loan repaid', actor: court, at } }]);
    });

    it('refuses releasing a hold the receipt does not have', () => {
      spec.given([issued()]).when(release('H-9', bank)).thenRefusedWith('HOLD_NOT_FOUND');
    });
  });
});
