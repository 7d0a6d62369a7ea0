import { create } from '@bufbuild/protobuf';
import { timestampFromDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import { ActorSchema, LocalDateSchema, toWeight, type Actor as ActorPb, type LocalDate as LocalDatePb, type Weight } from '@dw/contracts';
import { ReceiptGoodsSchema, ReceiptHolderSchema, ReceiptLotSchema, type ReceiptGoods, type ReceiptHolder, type ReceiptLot } from '@dw/contracts';
import type { Actor } from '../domain/actor';
import type { BackingLot, Holder, ReceiptRecord } from '../../receipt/domain/receipt.record';

/** Domain values in their public (proto) form; weights as int64 kg, dates as Shanghai dates, instants as UTC timestamps. */
export const pb = {
  actor: (actor: Actor): ActorPb => create(ActorSchema, { subject: actor.subject, role: actor.role, partyId: actor.partyId ?? '' }),
  at: (instant: string): Timestamp => timestampFromDate(new Date(instant)),
  date: (date: string): LocalDatePb => create(LocalDateSchema, { value: date }),
  weight: (kg: number): Weight => toWeight(kg),
  holder: (holder: Holder): ReceiptHolder =>
    create(ReceiptHolderSchema, { storageCard: holder.storageCard, holderName: holder.holderName, partyId: holder.partyId }),
  goods: (record: ReceiptRecord): ReceiptGoods =>
    create(ReceiptGoodsSchema, {
      commodity: record.commodity,
      brand: record.brand,
      grade: record.grade,
      warehouse: record.warehouseId,
      weight: toWeight(record.weightKg),
    }),
  lot: (lot: BackingLot): ReceiptLot =>
    create(ReceiptLotSchema, {
      lotId: lot.lotId,
      location: lot.location,
      pieces: lot.pieces,
      net: toWeight(lot.weightKg),
      productionDates: lot.productionDates.map((date) => create(LocalDateSchema, { value: date })),
    }),
};
