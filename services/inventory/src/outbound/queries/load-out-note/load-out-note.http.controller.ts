import { Controller, Get, Param, ParseIntPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { assertOwnParty, CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { streams } from '../../../shared/inventory.streams';
import { loadOutNoteOf } from '../../domain/load-out-note';
import { outboundDecider } from '../../domain/outbound.decider';
import { LoadOutNotePdfDto } from './load-out-note.response.dto';

/**
 * The load-out note (出库单) of one load-out, for the holder to download and keep. It is rendered
 * again from the load-out as recorded, which gives the very bytes whose SHA-256 was recorded at
 * load-out (rule INV-LOAD-OUT-NOTE); the digest rides along in headers so the holder can check
 * the file against the PiecesShippedOut events. Staff see every note; a depositor only its own
 * cards' (another's answers 404 like a missing note).
 */
@Controller('outbound-orders')
@ApiExtraModels(LoadOutNotePdfDto)
export class LoadOutNoteHttpController {
  constructor(private readonly store: EventStore) {}

  @Get(':orderId/load-outs/:loadNo/note')
  @Roles('operator', 'clerk', 'manager', 'depositor')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the note as application/pdf, its hex SHA-256 in X-Content-SHA256', schema: { $ref: getSchemaPath(LoadOutNotePdfDto) } })
  async note(
    @Param('orderId') orderId: string,
    @Param('loadNo', ParseIntPipe) loadNo: number,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<StreamableFile> {
    // rule INV-DEPOSITOR-OWN-CARDS
    const missing = () => refuse.notFound('LOAD_OUT_NOTE_NOT_FOUND', `no load-out ${loadNo} under order ${orderId}`, { orderId, loadNo });
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, streams.outbound(orderId).id, outboundDecider));
    if (state.status === 'none') throw missing();
    assertOwnParty(principal, state.ownerParty, missing);
    const load = state.loads.find((candidate) => candidate.loadNo === loadNo);
    if (!load) throw missing();
    const { noteSha256, ...facts } = load;
    const note = loadOutNoteOf(facts);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${note.noteId}.pdf"`);
    response.setHeader('X-Content-SHA256', noteSha256);
    // RFC 9530: the digest of the representation, base64 of the SHA-256 bytes.
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(noteSha256, 'hex').toString('base64')}:`);
    return new StreamableFile(note.pdf);
  }
}
