import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { assertOwnParty, CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { streams } from '../../../shared/inventory.streams';
import { outboundDecider } from '../../domain/outbound.decider';
import { OutboundOrderResponseDto } from './outbound-order.response.dto';

/**
 * An outbound order's floor work as its stream has it now: what is picked for the next load and
 * every load-out with its note. Staff see every order; a depositor only its own cards' (another's
 * answers 404 like an order nothing was picked under).
 */
@Controller('outbound-orders')
export class OutboundOrderHttpController {
  constructor(private readonly store: EventStore) {}

  @Get(':orderId')
  @Roles('operator', 'clerk', 'manager', 'depositor')
  @ApiOkResponse({ type: OutboundOrderResponseDto, description: 'the order’s picks and load-outs' })
  async get(@Param('orderId') orderId: string, @CurrentPrincipal() principal: Principal): Promise<OutboundOrderResponseDto> {
    // rule INV-DEPOSITOR-OWN-CARDS
    const missing = () => refuse.notFound('OUTBOUND_NOT_FOUND', `nothing has been picked under order ${orderId}`, { orderId });
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, streams.outbound(orderId).id, outboundDecider));
    if (state.status === 'none') throw missing();
    assertOwnParty(principal, state.ownerParty, missing);
    return {
      orderId: state.orderId,
      status: state.status,
      owner: state.owner,
      entitlement: state.entitlement && {
        entitlementId: state.entitlement.entitlementId,
        receiptNumber: state.entitlement.receiptNumber,
        lots: state.entitlement.lots.map((lot) => ({
          lotId: lot.lotId,
          pieces: lot.pieces,
          shippedPieces: state.shipped.filter((piece) => piece.lotId === lot.lotId).length,
        })),
      },
      picked: state.picked.map(({ barcode, lotId, bookKg, pickedBy, pickedAt }) => ({ barcode, lotId, bookKg, pickedBy, pickedAt })),
      weighed: state.weighing !== null,
      loads: state.loads.map((load) => ({
        loadNo: load.loadNo,
        noteId: load.noteId,
        noteSha256: load.noteSha256,
        vehicle: load.vehicle,
        barcodes: load.lots.flatMap((lot) => lot.pieces.map((piece) => piece.barcode)),
        bookKg: load.bookKg,
        netKg: load.netKg,
        overShortKg: load.overShortKg,
        shippedOn: load.shippedOn,
        shippedBy: load.actor,
        shippedAt: load.at,
      })),
    };
  }
}
