import { Command, Decider, DomainEvent, refuse } from '@dw/kernel';

/**
 * The record that a piece has left the warehouse, one stream per barcode per warehouse: whichever
 * order ships it, a piece leaves once. An order's own record knows what it shipped; this one is
 * what another order, picking the same label later, is refused by, and its expected version
 * makes two load-outs racing for one piece ship it once.
 */
export type ShipPiece = Command<
  'ShipPiece',
  {
    readonly barcode: string;
    readonly warehouse: string;
    readonly lotId: string;
    readonly orderId: string;
    readonly loadNo: number;
    readonly actor: string;
    readonly at: string;
  }
>;
export type PieceShipped = DomainEvent<'PieceShipped', ShipPiece['data']>;

export type ShippedPieceState =
  { readonly status: 'in_store' } | { readonly status: 'shipped'; readonly orderId: string; readonly loadNo: number; readonly at: string };

/** One command, as the barcode claim has: the piece ships or is refused. */
export const shippedPieceDecider: Decider<ShipPiece, ShippedPieceState, PieceShipped> = {
  initialState: () => ({ status: 'in_store' }),
  evolve: (_state, event) => ({ status: 'shipped', orderId: event.data.orderId, loadNo: event.data.loadNo, at: event.data.at }),
  decide(command, state) {
    // rule INV-PICK-ENTITLED
    if (state.status === 'shipped') {
      throw refuse.conflict('PIECE_ALREADY_SHIPPED', `piece ${command.data.barcode} left in load ${state.loadNo} of order ${state.orderId}`, {
        barcode: command.data.barcode,
        orderId: state.orderId,
        loadNo: state.loadNo,
      });
    }
    return [{ type: 'PieceShipped', data: command.data }];
  },
};
