import { Command, Decider, DomainEvent, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { STORAGE_KINDS, StorageKind } from '../../rate-card/domain/rate-card.terms';

/** A lot's goods as inventory reported them when the lot became available: what billing prices its storage by. */
export interface LotGoods {
  readonly lotId: string;
  readonly commodity: string;
  readonly storageKind: StorageKind;
  readonly weightKg: number;
  readonly ownerStorageCard: string;
}

export type RecordLotGoods = Command<
  'RecordLotGoods',
  {
    readonly lotId: string;
    readonly commodity: string;
    readonly weightKg: number;
    readonly ownerStorageCard: string;
    /** The kind of area of each location its pieces were put away in (inventory's LotLocation.area_kind). */
    readonly areaKinds: readonly string[];
    readonly at: string;
  }
>;

export type LotGoodsRecorded = DomainEvent<'LotGoodsRecorded', LotGoods & { readonly at: string }>;

/** One stream per lot: recorded once; a repeat of the same fact decides nothing. */
export const lotGoodsDecider: Decider<RecordLotGoods, LotGoods | null, LotGoodsRecorded> = {
  initialState: () => null,
  evolve: (_state, event) => {
    const { at: _at, ...goods } = event.data;
    return goods;
  },
  decide(command, state) {
    switch (command.type) {
      case 'RecordLotGoods': {
        if (state) return [];
        const { lotId, commodity, weightKg, ownerStorageCard, areaKinds, at } = command.data;
        const goods = { lotId: requireText(lotId, 'lotId'), commodity: requireText(commodity, 'commodity'), weightKg, ownerStorageCard };
        return [{ type: 'LotGoodsRecorded', data: { ...goods, storageKind: storageKindOf(areaKinds, `lot ${lotId}`), at } }];
      }
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/**
 * The storage kind goods are priced by: the kind of area they lie in, which must be one kind for
 * the whole lot or receipt (the rate card prices a shed and a yard differently, and a receipt is
 * one charge a day). A lot put away across both kinds, or with no kind recorded, is refused
 * rather than priced at a guess.
 */
export function storageKindOf(areaKinds: readonly string[], what: string): StorageKind {
  // rule BILL-STORAGE-KIND-FROM-AREA
  const kinds = [...new Set(areaKinds)];
  const [kind] = kinds;
  if (kinds.length !== 1 || !(STORAGE_KINDS as readonly string[]).includes(kind!)) {
    throw refuse.invalid(
      'STORAGE_KIND_UNKNOWN',
      `${what} lies in areas of kinds [${kinds.join(', ')}]; storage is priced by one kind, shed or yard`,
      'areaKind',
      {
        areaKinds: kinds,
      },
    );
  }
  return kind as StorageKind;
}
