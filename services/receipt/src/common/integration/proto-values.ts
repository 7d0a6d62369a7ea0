import { create } from '@bufbuild/protobuf';
import { LocalDateSchema, toWeight, type LocalDate as LocalDatePb } from '@dw/contracts';
import { ReceiptGoodsSchema, ReceiptHolderSchema, ReceiptLotSchema, type ReceiptGoods, type ReceiptHolder, type ReceiptLot } from '@dw/contracts';
import type { BackingLot, Holder, ReceiptRecord } from '../../receipt/domain/receipt.record';

/** Receipt values in their public (proto) form: weights as int64 kg, dates as Shanghai dates (actors and instants: @dw/contracts' toActor / toTimestamp). */
export const pb = {
  date: (date: string): LocalDatePb => create(LocalDateSchema, { value: date }),
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
