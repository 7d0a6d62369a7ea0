import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { StorageCardCommand } from './storage-card.commands';
import { orderPartyOf, storageCardDecider } from './storage-card.decider';
import { StorageCardEvent, StorageCardStatus } from './storage-card.events';

const spec = deciderSpec(storageCardDecider);
const at = '2026-03-10T02:00:00Z';
const record = (status: StorageCardStatus, party = 'P-0001'): StorageCardCommand => ({
  type: 'RecordStorageCardStatus',
  data: { storageCard: 'SC000001', party, holderName: '恒达钢铁', status, at },
});
const recorded = (status: StorageCardStatus, party = 'P-0001'): StorageCardEvent => ({
  type: 'StorageCardStatusRecorded',
  data: { storageCard: 'SC000001', party, holderName: '恒达钢铁', status, at },
});
const stateAfter = (...events: StorageCardEvent[]) => foldEvents(storageCardDecider, events);

describe('the order desk’s copy of a storage card', () => {
  it('records each status the receipt service publishes, and nothing for the same event again', () => {
    spec
      .given([])
      .when(record('applied'))
      .then([recorded('applied')]);
    spec
      .given([recorded('applied')])
      .when(record('approved'))
      .then([recorded('approved')]);
    spec
      .given([recorded('applied'), recorded('approved')])
      .when(record('approved'))
      .then([]);
  });

  it('refuses a card event without a card number or party (a poison message, not a status)', () => {
    spec
      .given([])
      .when({ ...record('approved'), data: { ...record('approved').data, party: ' ' } })
      .thenRefusedWith('FIELD_REQUIRED');
  });
});

describe('the party of a new order (ORD-CARD-FROM-REGISTRY)', () => {
  const approved = stateAfter(recorded('applied'), recorded('approved'));

  it('at the desk: an approved card gives its own party; a typed party must be the card’s', () => {
    expect(orderPartyOf(approved, 'SC000001', undefined, 'owner', 'desk')).toBe('P-0001');
    expect(orderPartyOf(approved, 'SC000001', ' P-0001 ', 'owner', 'desk')).toBe('P-0001');
    const mismatch = refusalOf(() => orderPartyOf(approved, 'SC000001', 'P-0002', 'owner', 'desk'));
    expect(mismatch).toMatchObject({ code: 'STORAGE_CARD_PARTY_MISMATCH', kind: 'invalid', field: 'ownerParty' });
    // The card's real holder is not named in the refusal.
    expect(JSON.stringify(mismatch)).not.toContain('P-0001');
  });

  it('at the desk: a card never published is 404, one not (or no longer) approved is 409', () => {
    expect(refusalOf(() => orderPartyOf(stateAfter(), 'SC000009', 'P-0001', 'owner', 'desk'))).toMatchObject({
      code: 'CARD_NOT_FOUND',
      kind: 'not_found',
      details: { field: 'owner' },
    });
    for (const status of ['applied', 'rejected', 'suspended', 'closed'] as const) {
      expect(refusalOf(() => orderPartyOf(stateAfter(recorded(status)), 'SC000001', undefined, 'owner', 'desk'))).toMatchObject({
        code: 'CARD_NOT_APPROVED',
        details: { status },
      });
    }
  });

  it('for an entitlement: the holder the receipt service names is taken, checked against the card when the card is known, whatever its status', () => {
    expect(orderPartyOf(stateAfter(), 'SC000001', 'P-0001', 'owner', 'entitlement')).toBe('P-0001');
    expect(orderPartyOf(approved, 'SC000001', undefined, 'owner', 'entitlement')).toBe('P-0001');
    expect(orderPartyOf(stateAfter(recorded('approved'), recorded('suspended')), 'SC000001', 'P-0001', 'owner', 'entitlement')).toBe('P-0001');
    expect(refusalOf(() => orderPartyOf(approved, 'SC000001', 'P-0009', 'owner', 'entitlement'))).toMatchObject({ code: 'STORAGE_CARD_PARTY_MISMATCH' });
  });
});
