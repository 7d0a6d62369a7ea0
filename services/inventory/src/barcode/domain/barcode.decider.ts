import { Decider, refuse, requireText } from '@dw/kernel';
import { BarcodeCommand } from './barcode.commands';
import { BarcodeEvent } from './barcode.events';
import { validateBarcode } from './barcode';

/**
 * One stream per barcode per warehouse (`barcode-<warehouse>-<code>`): the event store's
 * expected-version check makes a claim unique across the warehouse even when two scanners
 * race, which a uniqueness check against a read model could not. A barcode stays claimed after
 * its piece leaves: a label never identifies two pieces in one warehouse's history.
 */
export type BarcodeState = { readonly status: 'free' } | { readonly status: 'claimed'; readonly lotId: string; readonly orderId: string; readonly at: string };

export const barcodeDecider: Decider<BarcodeCommand, BarcodeState, BarcodeEvent> = {
  // rule INV-BARCODE-UNIQUE
  initialState: () => ({ status: 'free' }),
  evolve: (_state, event) => ({ status: 'claimed', lotId: event.data.lotId, orderId: event.data.orderId, at: event.data.at }),
  decide(command, state) {
    const barcode = validateBarcode(command.data.barcode);
    if (state.status === 'claimed') {
      throw refuse.conflict('DUPLICATE_BARCODE', `barcode ${barcode} is already on a piece of lot ${state.lotId}`, {
        barcode,
        lotId: state.lotId,
        orderId: state.orderId,
        claimedAt: state.at,
      });
    }
    const { actor, at } = command.data;
    return [
      {
        type: 'BarcodeClaimed',
        data: {
          barcode,
          warehouse: requireText(command.data.warehouse, 'warehouse'),
          lotId: requireText(command.data.lotId, 'lotId'),
          orderId: requireText(command.data.orderId, 'orderId'),
          actor,
          at,
        },
      },
    ];
  },
};
