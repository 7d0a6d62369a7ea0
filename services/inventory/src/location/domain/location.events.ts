import { DomainEvent } from '@dw/kernel';
import { AreaKind, StoredPiece } from './location.commands';

interface Stamped {
  readonly locationId: string;
  readonly actor: string;
  readonly at: string;
}

export type LocationDefined = DomainEvent<
  'LocationDefined',
  Stamped & {
    readonly warehouse: string;
    readonly area: { readonly kind: AreaKind; readonly name: string };
    readonly row: string;
    readonly slot: string;
    readonly capacityKg: number | null;
    readonly capacityPieces: number | null;
  }
>;

interface Movement {
  readonly orderId: string;
  readonly pieces: readonly StoredPiece[];
  /** Sum of the pieces' net kg. */
  readonly netKg: number;
}

export type GoodsPutAway = DomainEvent<'GoodsPutAway', Stamped & Movement & { readonly lotId: string }>;
export type GoodsMovedOut = DomainEvent<'GoodsMovedOut', Stamped & Movement & { readonly toLocationId: string }>;
export type GoodsMovedIn = DomainEvent<'GoodsMovedIn', Stamped & Movement & { readonly fromLocationId: string }>;
export type GoodsRemoved = DomainEvent<'GoodsRemoved', Stamped & Movement>;

export type LocationEvent = LocationDefined | GoodsPutAway | GoodsMovedOut | GoodsMovedIn | GoodsRemoved;
