import { Controller, Get, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { Roles } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { visitDecider } from '../../domain/visit.decider';
import { weighTicketOf } from '../../domain/weigh-ticket';
import { WeighTicketPdfDto } from './weigh-ticket.response.dto';

/**
 * The weigh ticket (磅单) of a visit as a PDF, rendered again from the two recorded readings:
 * the very bytes whose SHA-256 WeighTicketIssued carries (rule GATE-WEIGH-TICKET), the digest in
 * headers too so anyone can check the file.
 */
@Controller('visits')
@ApiExtraModels(WeighTicketPdfDto)
@Roles('manager', 'gate_guard', 'ops')
export class WeighTicketHttpController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  @Get(':visitId/weigh-ticket')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'the ticket as application/pdf, its hex SHA-256 in X-Content-SHA256; 404 WEIGH_TICKET_NOT_FOUND before the second reading',
    schema: { $ref: getSchemaPath(WeighTicketPdfDto) },
  })
  async ticket(@Param('visitId') visitId: string, @Res({ passthrough: true }) response: ServerResponse): Promise<StreamableFile> {
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, streams.visit(visitId).streamId, visitDecider));
    if (state.ticket === null) throw refuse.notFound('WEIGH_TICKET_NOT_FOUND', `visit ${visitId} has no weigh ticket`, { visitId });
    const { sha256, ...facts } = state.ticket;
    const ticket = weighTicketOf(facts);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${facts.ticketNumber}.pdf"`);
    response.setHeader('X-Content-SHA256', sha256);
    // RFC 9530: the digest of the representation, base64 of the SHA-256 bytes.
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(ticket.pdf);
  }
}
