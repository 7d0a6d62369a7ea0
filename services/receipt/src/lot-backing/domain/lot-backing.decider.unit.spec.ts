import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { Actor } from '../../common/domain/actor';
import { d } from '../../receipt-rule/domain/receipt-rule.fixtures.spec-helper';
import { CancellationPurpose } from '../../receipt/domain/receipt.events';
import { LotBackingCommand } from './lot-backing.commands';
import { lotBackingDecider } from './lot-backing.decider';
import { LotBackingEvent } from './lot-backing.events';
import { LotFacts, LotFactsInput } from './lot-facts';

const at = '2026-03-20T02:00:00Z';
const system: Actor = { subject: 'inventory-consumer', role: 'system' };
const clerk: Actor = { subject: 'clerk-zhao', role: 'clerk' };
const lot: LotFacts = {
  lotId: 'LOT-1',
  commodity: 'rebar',
  brand: 'Shagang',
  grade: 'HRB400E',
  warehouseId: 'WH-WX',
  location: 'Y1-A-03',
  pieces: 100,
  weightKg: 300_000,
  productionDates: [d('2026-03-05')],
  ownerCard: 'SC-0001',
  inspectionReportRef: 'CIQ-2026-0311',
};

const registered: LotBackingEvent = { type: 'LotRegistered', data: { lot, actor: system, at } };
const reserved: LotBackingEvent = { type: 'LotReservedForIssuance', data: { lotId: 'LOT-1', applicationId: 'APP-1', actor: clerk, at } };
const assigned: LotBackingEvent = {
  type: 'LotBackingAssigned',
  data: { lotId: 'LOT-1', applicationId: 'APP-1', receiptNumber: 'R-1', weightKg: 300_000, actor: clerk, at },
};

const register = (input: LotFactsInput, actor: Actor = system): LotBackingCommand => ({ type: 'RegisterAvailableLot', data: { lot: input, actor, at } });
const reserve = (applicationId: string): LotBackingCommand => ({ type: 'ReserveLotForIssuance', data: { applicationId, actor: clerk, at } });
const assign = (applicationId: string, receiptNumber = 'R-1'): LotBackingCommand => ({
  type: 'AssignLotBacking',
  data: { applicationId, receiptNumber, actor: clerk, at },
});

const holder: Actor = { subject: 'user-li', role: 'depositor', partyId: 'party-buyer' };
const release = (purpose: CancellationPurpose): LotBackingCommand => ({
  type: 'ReleaseLotBacking',
  data: { receiptNumber: 'R-1', entitledCard: 'SC-0002', purpose, entitlementId: 'ENT-R-1', actor: holder, at },
});
const releasedFor = (purpose: CancellationPurpose): LotBackingEvent => ({
  type: 'LotBackingReleased',
  data: { lotId: 'LOT-1', receiptNumber: 'R-1', entitledCard: 'SC-0002', weightKg: 300_000, purpose, entitlementId: 'ENT-R-1', actor: holder, at },
});
const ship = (entitlementId: string, netKg: number): LotBackingCommand => ({ type: 'RecordLotShipped', data: { entitlementId, netKg, actor: system, at } });
const shippedUnder = (entitlementId: string | null, netKg = 300_000): LotBackingEvent => ({
  type: 'LotShipped',
  data: { lotId: 'LOT-1', entitlementId, netKg, weightKg: 300_000, actor: system, at },
});

const spec = deciderSpec(lotBackingDecider);

describe('lot backing decider', () => {
  describe('registration from the inventory service', () => {
    it('registers an available lot with its dates sorted and unrepeated', () => {
      const input = { ...lot, productionDates: ['2026-03-06', '2026-03-05', '2026-03-06'] };
      spec
        .given([])
        .when(register(input))
        .then([{ type: 'LotRegistered', data: { lot: { ...lot, productionDates: [d('2026-03-05'), d('2026-03-06')] }, actor: system, at } }]);
    });

    it('ignores the same event delivered twice but refuses different facts for a registered lot', () => {
      spec.given([registered]).when(register(lot)).then([]);
      // As read back from the log: jsonb keeps keys in its own order, not the order they were written in.
      const readBack = Object.fromEntries(Object.entries(lot).reverse()) as LotFacts;
      spec
        .given([{ type: 'LotRegistered', data: { lot: readBack, actor: system, at } }])
        .when(register(lot))
        .then([]);
      spec
        .given([registered])
        .when(register({ ...lot, weightKg: 299_000 }))
        .thenRefusedWith('LOT_ALREADY_REGISTERED');
      spec.given([registered, reserved]).when(register(lot)).thenRefusedWith('LOT_ALREADY_REGISTERED', { status: 'reserved' });
    });

    it('takes a lot of a commodity without grades (inventory states grade as empty)', () => {
      spec
        .given([])
        .when(register({ ...lot, grade: '' }))
        .then([{ type: 'LotRegistered', data: { lot: { ...lot, grade: '' }, actor: system, at } }]);
    });

    it('takes lots only from the system (the inventory event handler)', () => {
      spec.given([]).when(register(lot, clerk)).thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    });

    it.each([
      [{ ...lot, weightKg: 0 }, 'INVALID_WEIGHT', 'lot.weightKg'],
      [{ ...lot, weightKg: 1.5 }, 'INVALID_WEIGHT', 'lot.weightKg'],
      [{ ...lot, pieces: 0 }, 'INVALID_PIECES', 'lot.pieces'],
      [{ ...lot, productionDates: [] }, 'PRODUCTION_DATES_REQUIRED', 'lot.productionDates'],
      [{ ...lot, productionDates: ['2026-02-30'] }, 'INVALID_DATE', 'lot.productionDates[0]'],
      [{ ...lot, ownerCard: '' }, 'FIELD_REQUIRED', 'lot.ownerCard'],
      [{ ...lot, inspectionReportRef: undefined as unknown as string }, 'FIELD_REQUIRED', 'lot.inspectionReportRef'],
    ])('refuses bad lot facts %#', (input, code, field) => {
      const error = refusalOf(() => lotBackingDecider.decide(register(input), lotBackingDecider.initialState()));
      expect([error.code, error.field]).toEqual([code, field]);
    });
  });

  describe('holding for an issuance application', () => {
    it('holds an available lot for one application, idempotently', () => {
      spec.given([registered]).when(reserve('APP-1')).then([reserved]);
      spec.given([registered, reserved]).when(reserve('APP-1')).then([]);
    });

    it('refuses a lot held for another application, one already backing a receipt, and an unknown lot', () => {
      spec.given([registered, reserved]).when(reserve('APP-2')).thenRefusedWith('LOT_RESERVED_FOR_ANOTHER_APPLICATION', { applicationId: 'APP-1' });
      spec.given([registered, reserved, assigned]).when(reserve('APP-2')).thenRefusedWith('LOT_ALREADY_BACKS_RECEIPT', { receiptNumber: 'R-1' });
      spec.given([]).when(reserve('APP-1')).thenRefusedWith('LOT_NOT_AVAILABLE');
    });

    it('releases the hold when the application is rejected, only for that application', () => {
      const release = (applicationId: string): LotBackingCommand => ({ type: 'ReleaseLotReservation', data: { applicationId, actor: clerk, at } });
      spec
        .given([registered, reserved])
        .when(release('APP-1'))
        .then([{ type: 'LotReservationReleased', data: { lotId: 'LOT-1', applicationId: 'APP-1', actor: clerk, at } }]);
      spec.given([registered, reserved]).when(release('APP-2')).thenRefusedWith('LOT_NOT_RESERVED_BY_APPLICATION');
    });
  });

  describe('backing a receipt', () => {
    it('backs the receipt issued under the application that held it', () => {
      spec.given([registered, reserved]).when(assign('APP-1')).then([assigned]);
    });

    it('refuses a second live receipt over the same lot', () => {
      spec.given([registered, reserved, assigned]).when(assign('APP-1', 'R-2')).thenRefusedWith('LOT_ALREADY_BACKS_RECEIPT', { receiptNumber: 'R-1' });
      spec.given([registered]).when(assign('APP-1')).thenRefusedWith('LOT_NOT_RESERVED_BY_APPLICATION');
    });

    it('moves to a successor receipt after a split or merge, only from the receipt it backs', () => {
      const reassign = (fromReceiptNumber: string): LotBackingCommand => ({
        type: 'ReassignLotBacking',
        data: { fromReceiptNumber, toReceiptNumber: 'R-1-A', actor: clerk, at },
      });
      spec
        .given([registered, reserved, assigned])
        .when(reassign('R-1'))
        .then([{ type: 'LotBackingReassigned', data: { lotId: 'LOT-1', fromReceiptNumber: 'R-1', toReceiptNumber: 'R-1-A', actor: clerk, at } }]);
      spec.given([registered, reserved, assigned]).when(reassign('R-9')).thenRefusedWith('LOT_NOT_BACKING_RECEIPT');
    });

    it('is released on cancellation to the holder’s card: under the entitlement for a pickup, as spot goods for a conversion', () => {
      spec
        .given([registered, reserved, assigned])
        .when(release('pickup'))
        .then([releasedFor('pickup')]);
      expect(foldEvents(lotBackingDecider, [registered, reserved, assigned, releasedFor('pickup')])).toEqual({
        status: 'entitled',
        lot: { ...lot, ownerCard: 'SC-0002' },
        receiptNumber: 'R-1',
        entitlementId: 'ENT-R-1',
        stockHolds: [],
      });
      expect(foldEvents(lotBackingDecider, [registered, reserved, assigned, releasedFor('spot-conversion')])).toEqual({
        status: 'spot',
        lot: { ...lot, ownerCard: 'SC-0002' },
        receiptNumber: 'R-1',
        entitlementId: 'ENT-R-1',
        stockHolds: [],
      });
      spec.given([registered, reserved]).when(release('pickup')).thenRefusedWith('LOT_NOT_BACKING_RECEIPT');
    });
  });

  describe('after cancellation: never a second title', () => {
    it('refuses a new application over a lot under an entitlement, naming the entitlement and the holder’s card', () => {
      spec
        .given([registered, reserved, assigned, releasedFor('pickup')])
        .when(reserve('APP-2'))
        .thenRefusedWith('LOT_UNDER_ENTITLEMENT', { lotId: 'LOT-1', entitlementId: 'ENT-R-1', ownerCard: 'SC-0002' });
    });

    it('refuses a new application over spot goods (a new receipt needs a new inbound through inventory)', () => {
      spec
        .given([registered, reserved, assigned, releasedFor('spot-conversion')])
        .when(reserve('APP-2'))
        .thenRefusedWith('LOT_IS_SPOT_GOODS', { lotId: 'LOT-1' });
    });

    it('refuses a new application over a lot whose goods have left, and a repeated registration of it', () => {
      const gone = [registered, reserved, assigned, releasedFor('pickup'), shippedUnder('ENT-R-1')];
      spec.given(gone).when(reserve('APP-2')).thenRefusedWith('LOT_SHIPPED_OUT', { lotId: 'LOT-1' });
      spec.given(gone).when(register(lot)).thenRefusedWith('LOT_ALREADY_REGISTERED', { status: 'shipped' });
    });
  });

  describe('goods leaving (inventory’s LotShippedOut)', () => {
    it('ships a lot under its entitlement, once: a redelivery changes nothing', () => {
      const entitled = [registered, reserved, assigned, releasedFor('pickup')];
      spec
        .given(entitled)
        .when(ship('ENT-R-1', 299_400))
        .then([shippedUnder('ENT-R-1', 299_400)]);
      spec
        .given([...entitled, shippedUnder('ENT-R-1', 299_400)])
        .when(ship('ENT-R-1', 299_400))
        .then([]);
      expect(foldEvents(lotBackingDecider, [...entitled, shippedUnder('ENT-R-1', 299_400)])).toEqual({
        status: 'shipped',
        lot: { ...lot, ownerCard: 'SC-0002' },
        entitlementId: 'ENT-R-1',
        stockHolds: [],
      });
    });

    it('ships spot goods and goods no receipt ever backed without an entitlement', () => {
      spec
        .given([registered, reserved, assigned, releasedFor('spot-conversion')])
        .when(ship('', 300_000))
        .then([shippedUnder(null)]);
      // A pickup applied for on the conversion's own entitlement carries it out.
      spec
        .given([registered, reserved, assigned, releasedFor('spot-conversion')])
        .when(ship('ENT-R-1', 300_000))
        .then([shippedUnder('ENT-R-1')]);
      spec
        .given([registered])
        .when(ship('', 300_000))
        .then([shippedUnder(null)]);
    });

    it('records goods held for an application leaving as plain stock (inventory knows no applications), after which the exchange cannot approve over them', () => {
      spec
        .given([registered, reserved])
        .when(ship('', 300_000))
        .then([shippedUnder(null)]);
      spec
        .given([registered, reserved, shippedUnder(null)])
        .when(assign('APP-1'))
        .thenRefusedWith('LOT_SHIPPED_OUT');
    });

    it('refuses goods of a live receipt leaving, and goods leaving under another entitlement', () => {
      spec.given([registered, reserved, assigned]).when(ship('', 300_000)).thenRefusedWith('LOT_HOLDS_RECEIPT_GOODS', { status: 'backing' });
      spec
        .given([registered, reserved, assigned, releasedFor('pickup')])
        .when(ship('ENT-R-9', 300_000))
        .thenRefusedWith('SHIPMENT_ENTITLEMENT_MISMATCH', { shippedUnder: 'ENT-R-9', entitlementId: 'ENT-R-1' });
      spec
        .given([registered, reserved, assigned, releasedFor('pickup')])
        .when(ship('', 300_000))
        .thenRefusedWith('SHIPMENT_ENTITLEMENT_MISMATCH');
      spec.given([registered]).when(ship('ENT-R-1', 300_000)).thenRefusedWith('SHIPMENT_ENTITLEMENT_MISMATCH');
    });

    it('takes shipments only from the system, with a scale weight, for a known lot', () => {
      spec
        .given([registered])
        .when({ type: 'RecordLotShipped', data: { entitlementId: '', netKg: 300_000, actor: clerk, at } })
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
      spec.given([registered]).when(ship('', 0)).thenRefusedWith('INVALID_WEIGHT');
      spec.given([]).when(ship('', 300_000)).thenRefusedWith('LOT_NOT_AVAILABLE');
    });
  });

  describe('stock holds from inventory (one encumbrance model)', () => {
    const holdCommand = (holdId: string, kind: 'reservation' | 'freeze' = 'freeze'): LotBackingCommand => ({
      type: 'RecordStockHoldPlaced',
      data: { holdId, kind, holder: 'bank-icbc', actor: system, at },
    });
    const releaseCommand = (holdId: string): LotBackingCommand => ({ type: 'RecordStockHoldReleased', data: { holdId, actor: system, at } });
    const placed = (holdId: string, kind: 'reservation' | 'freeze' = 'freeze'): LotBackingEvent => ({
      type: 'LotStockHoldPlaced',
      data: { lotId: 'LOT-1', holdId, kind, holder: 'bank-icbc', actor: system, at },
    });
    const releasedHold = (holdId: string, kind: 'reservation' | 'freeze' = 'freeze'): LotBackingEvent => ({
      type: 'LotStockHoldReleased',
      data: { lotId: 'LOT-1', holdId, kind, holder: 'bank-icbc', actor: system, at },
    });

    it('refuses to hold a lot with an unreleased stock hold for an application, naming the holds', () => {
      spec
        .given([registered, placed('H-1')])
        .when(reserve('APP-1'))
        .thenRefusedWith('LOT_HELD_IN_STOCK', { lotId: 'LOT-1', holds: [{ holdId: 'H-1', kind: 'freeze', holder: 'bank-icbc' }] });
    });

    it('refuses to issue at approval over a lot a stock hold reached after the application', () => {
      spec
        .given([registered, reserved, placed('H-1', 'reservation')])
        .when(assign('APP-1'))
        .thenRefusedWith('LOT_HELD_IN_STOCK');
    });

    it('frees the lot for receipts once every stock hold is released', () => {
      spec
        .given([registered, placed('H-1'), placed('H-2', 'reservation')])
        .when(releaseCommand('H-1'))
        .then([releasedHold('H-1')]);
      spec
        .given([registered, placed('H-1'), placed('H-2', 'reservation'), releasedHold('H-1')])
        .when(reserve('APP-1'))
        .thenRefusedWith('LOT_HELD_IN_STOCK');
      spec
        .given([registered, placed('H-1'), placed('H-2', 'reservation'), releasedHold('H-1'), releasedHold('H-2', 'reservation')])
        .when(reserve('APP-1'))
        .then([reserved]);
    });

    it('takes each placement and release once: redeliveries, even a placement after its release, change nothing', () => {
      spec
        .given([registered])
        .when(holdCommand('H-1'))
        .then([placed('H-1')]);
      spec
        .given([registered, placed('H-1')])
        .when(holdCommand('H-1'))
        .then([]);
      spec
        .given([registered, placed('H-1'), releasedHold('H-1')])
        .when(releaseCommand('H-1'))
        .then([]);
      spec
        .given([registered, placed('H-1'), releasedHold('H-1')])
        .when(holdCommand('H-1'))
        .then([]);
      spec
        .given([registered, placed('H-1'), releasedHold('H-1')])
        .when(reserve('APP-1'))
        .then([reserved]);
    });

    it('refuses a release of a hold never placed, a hold of an unknown kind, one not from the system, and one on an unknown lot', () => {
      spec.given([registered]).when(releaseCommand('H-9')).thenRefusedWith('STOCK_HOLD_NOT_FOUND', { holdId: 'H-9' });
      spec
        .given([registered])
        .when({ type: 'RecordStockHoldPlaced', data: { holdId: 'H-1', kind: 'lien' as 'freeze', holder: 'bank-icbc', actor: system, at } })
        .thenRefusedWith('VALUE_NOT_ALLOWED');
      spec
        .given([registered])
        .when({ type: 'RecordStockHoldPlaced', data: { holdId: 'H-1', kind: 'freeze', holder: 'bank-icbc', actor: clerk, at } })
        .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
      spec.given([]).when(holdCommand('H-1')).thenRefusedWith('LOT_NOT_AVAILABLE');
    });
  });
});
