import { DomainEvent } from '@dw/kernel';
import type { VarianceEvidence } from '../../stocktake/domain/variance-evidence';
import { Quantity } from './quantity';
import { GoodsUnder, HoldKind } from './stock.commands';

interface Stamped {
  readonly lotId: string;
  readonly actor: string;
  readonly at: string;
}

export type StockReceived = DomainEvent<
  'StockReceived',
  Stamped & {
    readonly orderId: string;
    readonly warehouse: string;
    readonly owner: string;
    readonly commodityCode: string;
    readonly quantity: Quantity;
  }
>;

export type HoldPlaced = DomainEvent<
  'HoldPlaced',
  Stamped & { readonly holdId: string; readonly kind: HoldKind; readonly quantity: Quantity; readonly reason: string; readonly holder: string }
>;

export type HoldReleased = DomainEvent<
  'HoldReleased',
  Stamped & { readonly holdId: string; readonly kind: HoldKind; readonly quantity: Quantity; readonly holder: string }
>;

export type StockShippedOut = DomainEvent<'StockShippedOut', Stamped & { readonly orderId: string; readonly quantity: Quantity }>;

/** `evidence` is absent on variances applied before the book demanded it. */
export type StockVarianceApplied = DomainEvent<
  'StockVarianceApplied',
  Stamped & {
    readonly stocktakeId: string;
    readonly varianceId: string;
    readonly delta: Quantity;
    readonly reason: string;
    readonly evidence?: VarianceEvidence;
    /** Absent in events recorded before inventory followed receipts. */
    readonly goodsUnder?: GoodsUnder;
  }
>;

export type StockEvent = StockReceived | HoldPlaced | HoldReleased | StockShippedOut | StockVarianceApplied;
