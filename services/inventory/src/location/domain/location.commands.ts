import { Command } from '@dw/kernel';

/** `actor` and `at` (ISO instant) come from the caller and the Clock. */
interface Stamped {
  readonly locationId: string;
  readonly actor: string;
  readonly at: string;
}

export const AREA_KINDS = ['yard', 'shed'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** A piece as a location holds it: enough to check capacity and to say whose lot it belongs to. */
export interface StoredPiece {
  readonly barcode: string;
  readonly lotId: string;
  readonly netKg: number;
}

/**
 * A storage slot (货位): an open yard or a covered shed, then row and slot. Capacity is in kg,
 * in pieces, or both (a slot on a shed floor is limited by load, a rack slot by places).
 */
export type DefineLocation = Command<
  'DefineLocation',
  Stamped & {
    readonly warehouse: string;
    readonly area: { readonly kind: AreaKind; readonly name: string };
    readonly row: string;
    readonly slot: string;
    readonly capacityKg: number | null;
    readonly capacityPieces: number | null;
  }
>;

export type PutAwayGoods = Command<
  'PutAwayGoods',
  Stamped & {
    readonly warehouse: string;
    readonly orderId: string;
    readonly lotId: string;
    readonly pieces: readonly { readonly barcode: string; readonly netKg: number }[];
  }
>;

export type MoveGoodsOut = Command<'MoveGoodsOut', Stamped & { readonly toLocationId: string; readonly orderId: string; readonly barcodes: readonly string[] }>;

export type MoveGoodsIn = Command<
  'MoveGoodsIn',
  Stamped & { readonly fromLocationId: string; readonly orderId: string; readonly pieces: readonly StoredPiece[] }
>;

/** Goods leave the warehouse from this location (loaded out under an outbound order). */
export type RemoveGoods = Command<'RemoveGoods', Stamped & { readonly orderId: string; readonly barcodes: readonly string[] }>;

export type LocationCommand = DefineLocation | PutAwayGoods | MoveGoodsOut | MoveGoodsIn | RemoveGoods;
