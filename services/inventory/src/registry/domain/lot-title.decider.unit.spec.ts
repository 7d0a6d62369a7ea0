import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { LotTitleCommand } from './lot-title.commands';
import { liveReceiptOf, LotTitle, lotTitleDecider } from './lot-title.decider';
import { LotTitleEvent, TitleHolder } from './lot-title.events';
import { receiptLotsDecider } from './receipt-lots.decider';

const spec = deciderSpec(lotTitleDecider);
const lotId = 'lot-wo-1';
const actor = 'receipt-clerk-2';
const at = '2026-03-10T02:00:00Z';
const seller: TitleHolder = { storageCard: 'SC-SELLER', partyId: 'P-SELLER', name: 'Hengda Steel' };
const buyer: TitleHolder = { storageCard: 'SC-BUYER', partyId: 'P-BUYER', name: 'Huadong Building' };
const bank = { kind: 'bank' as const, partyId: 'bank-icbc', name: 'ICBC Shanghai' };

const backing = (receiptNumber: string, parents: string[] = [], holder = seller): LotTitleCommand => ({
  type: 'NoteReceiptBacking',
  data: { lotId, receiptNumber, parents, holder, actor, at },
});
const backed = (receiptNumber: string, previousReceipt: string | null, parents: string[] = [], holder = seller): LotTitleEvent => ({
  type: 'LotBackedReceipt',
  data: { lotId, receiptNumber, parents, previousReceipt, holder, actor, at },
});
const transfer = (receiptNumber: string, transferId: string, to = buyer): LotTitleCommand => ({
  type: 'NoteTitleTransfer',
  data: { lotId, receiptNumber, transferId, to, actor, at },
});
const transferred = (receiptNumber: string, transferId: string, from = seller, to = buyer): LotTitleEvent => ({
  type: 'LotTitleTransferred',
  data: { lotId, receiptNumber, transferId, from, to, actor, at },
});
const pledge = (receiptNumber: string, holdId = 'pledge-1'): LotTitleCommand => ({
  type: 'NoteReceiptHoldPlaced',
  data: { lotId, receiptNumber, holdId, kind: 'pledge', beneficiary: bank, reason: 'loan 2026-17', actor, at },
});
const pledged = (receiptNumber: string, holdId = 'pledge-1'): LotTitleEvent =>
  ({ ...pledge(receiptNumber, holdId), type: 'LotReceiptHoldPlaced' }) as LotTitleEvent;
const entitlement = (receiptNumber: string, entitlementId: string, holder = buyer): LotTitleCommand => ({
  type: 'NoteEntitlement',
  data: { lotId, receiptNumber, entitlementId, purpose: 'pickup', holder, actor, at },
});
const entitled = (receiptNumber: string, entitlementId: string, holder = buyer): LotTitleEvent =>
  ({ ...entitlement(receiptNumber, entitlementId, holder), type: 'LotEntitled' }) as LotTitleEvent;
const titleAfter = (events: LotTitleEvent[]) => foldEvents(lotTitleDecider, events) as LotTitle;

describe('lot title', () => {
  it('notes the receipt issued over the lot once: a redelivery changes nothing', () => {
    spec
      .given([])
      .when(backing('WR-1'))
      .then([backed('WR-1', null)]);
    spec
      .given([backed('WR-1', null)])
      .when(backing('WR-1'))
      .then([]);
    expect(liveReceiptOf(titleAfter([backed('WR-1', null)]))).toBe('WR-1');
  });

  it('notes a receipt over a lot inventory never booked in: the title is the receipt service’s fact', () => {
    // The title stream does not need the lot's stock stream; the stock views join by lot id.
    spec
      .given([])
      .when(backing('WR-9'))
      .then([backed('WR-9', null)]);
  });

  it('moves the owner to the buyer on a transfer, once per transfer id', () => {
    spec
      .given([backed('WR-1', null)])
      .when(transfer('WR-1', 'T-1'))
      .then([transferred('WR-1', 'T-1')]);
    spec
      .given([backed('WR-1', null), transferred('WR-1', 'T-1')])
      .when(transfer('WR-1', 'T-1'))
      .then([]);
    expect(titleAfter([backed('WR-1', null), transferred('WR-1', 'T-1')]).holder).toEqual(buyer);
    // sold on and bought back: a new transfer id is a new fact even though the card was the holder before
    spec
      .given([backed('WR-1', null), transferred('WR-1', 'T-1')])
      .when(transfer('WR-1', 'T-2', seller))
      .then([transferred('WR-1', 'T-2', buyer, seller)]);
  });

  it('passes the lot from a split parent to the child that names it, in either order of arrival', () => {
    const succeeded: LotTitleEvent = { type: 'LotReceiptSucceeded', data: { lotId, receiptNumber: 'WR-1', successors: ['WR-2', 'WR-3'], actor, at } };
    // parent's split first: the lot still backs a receipt (WR-1, passing to its children) until WR-2 names it
    spec
      .given([backed('WR-1', null)])
      .when({ type: 'NoteReceiptSucceeded', data: succeeded.data })
      .then([succeeded]);
    expect(liveReceiptOf(titleAfter([backed('WR-1', null), succeeded]))).toBe('WR-1');
    spec
      .given([backed('WR-1', null), succeeded])
      .when(backing('WR-2', ['WR-1']))
      .then([backed('WR-2', 'WR-1', ['WR-1'])]);
    // child first: the parent's late split and a redelivered parent issuance change nothing
    const childFirst = [backed('WR-1', null), backed('WR-2', 'WR-1', ['WR-1'])];
    spec.given(childFirst).when({ type: 'NoteReceiptSucceeded', data: succeeded.data }).then([]);
    spec.given(childFirst).when(backing('WR-1')).then([]);
    expect(liveReceiptOf(titleAfter(childFirst))).toBe('WR-2');
  });

  it('ignores a transfer or a hold of a receipt that no longer backs the lot', () => {
    const merged = [backed('WR-1', null), backed('WR-4', 'WR-1', ['WR-1', 'WR-3'])];
    spec.given(merged).when(transfer('WR-1', 'T-1')).then([]);
    spec.given(merged).when(pledge('WR-1')).then([]);
  });

  it('records receipt holds as encumbrances until their release, each hold once', () => {
    spec
      .given([backed('WR-1', null)])
      .when(pledge('WR-1'))
      .then([pledged('WR-1')]);
    spec
      .given([backed('WR-1', null), pledged('WR-1')])
      .when(pledge('WR-1'))
      .then([]);
    const release: LotTitleCommand = { type: 'NoteReceiptHoldReleased', data: { lotId, receiptNumber: 'WR-1', holdId: 'pledge-1', actor, at } };
    const released: LotTitleEvent = { type: 'LotReceiptHoldReleased', data: { lotId, receiptNumber: 'WR-1', holdId: 'pledge-1', kind: 'pledge', actor, at } };
    spec
      .given([backed('WR-1', null), pledged('WR-1')])
      .when(release)
      .then([released]);
    spec
      .given([backed('WR-1', null), pledged('WR-1'), released])
      .when(release)
      .then([]);
    // a redelivered placement after the release does not bring the hold back
    spec
      .given([backed('WR-1', null), pledged('WR-1'), released])
      .when(pledge('WR-1'))
      .then([]);
    expect(titleAfter([backed('WR-1', null), pledged('WR-1'), released]).receiptHolds).toEqual({});
  });

  it('ends the backing on cancellation and gives the goods to the entitlement’s holder, noted once from either message', () => {
    const history = [backed('WR-1', null), transferred('WR-1', 'T-1')];
    spec
      .given(history)
      .when(entitlement('WR-1', 'ENT-WR-1'))
      .then([entitled('WR-1', 'ENT-WR-1')]);
    // ReceiptCancelled and OutboundEntitlementGranted carry the same entitlement: the second is nothing new
    spec
      .given([...history, entitled('WR-1', 'ENT-WR-1')])
      .when(entitlement('WR-1', 'ENT-WR-1'))
      .then([]);
    const after = titleAfter([...history, entitled('WR-1', 'ENT-WR-1')]);
    expect(liveReceiptOf(after)).toBeNull();
    expect(after).toMatchObject({ holder: buyer, entitlement: { entitlementId: 'ENT-WR-1', purpose: 'pickup', receiptNumber: 'WR-1' } });
    // a late transfer or a redelivered issuance of the cancelled receipt changes nothing
    spec
      .given([...history, entitled('WR-1', 'ENT-WR-1')])
      .when(transfer('WR-1', 'T-9'))
      .then([]);
    spec
      .given([...history, entitled('WR-1', 'ENT-WR-1')])
      .when(backing('WR-1'))
      .then([]);
  });

  it('notes an entitlement that arrives before inventory saw the receipt: its lots may still leave only under it', () => {
    spec
      .given([])
      .when(entitlement('WR-7', 'ENT-WR-7'))
      .then([entitled('WR-7', 'ENT-WR-7')]);
  });
});

describe('receipt lots', () => {
  const spec = deciderSpec(receiptLotsDecider);
  it('notes a receipt’s lots once', () => {
    const noted = { type: 'ReceiptLotsNoted' as const, data: { receiptNumber: 'WR-1', lotIds: ['lot-a', 'lot-b'] } };
    spec.given([]).when({ type: 'NoteReceiptLots', data: noted.data }).then([noted]);
    spec.given([noted]).when({ type: 'NoteReceiptLots', data: noted.data }).then([]);
  });
});
