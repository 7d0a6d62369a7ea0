import { Body, Controller, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, handleCommand, loadAggregate } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { assertOwnParty, CLOCK, CurrentPrincipal, Roles, type Principal, callerContextOf, CurrentCaller, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { invoicingDetailsDecider } from '../../domain/invoicing-details';
import { InvoicingDetailsDto } from './invoicing-details.dto';
import { InvoicingDetailsResponseDto } from './invoicing-details.response.dto';

const notFound = (partyId: string) => refuse.notFound('INVOICING_DETAILS_NOT_FOUND', `no invoicing details for party ${partyId}`, { partyId });

/** A party's invoicing details: kept by the depositor (or a manager for it), read by staff and the party. */
@Controller('parties/:partyId/invoicing-details')
export class InvoicingDetailsHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put()
  @HttpCode(200)
  @Roles('depositor', 'manager')
  @ApiOkResponse({ type: InvoicingDetailsResponseDto, description: 'kept: the details as they now are' })
  async keep(@Param('partyId') partyId: string, @Body() body: InvoicingDetailsDto, @CurrentCaller() caller: Caller): Promise<InvoicingDetailsResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['depositor', 'manager']);
    const handled = await handleCommand(this.store, {
      ...streams.invoicingDetails(partyId),
      decider: invoicingDetailsDecider,
      command: { type: 'SetInvoicingDetails', data: { ...body, partyId, actor, at } },
      metadata,
    });
    return { partyId, ...handled.state.details! };
  }

  @Get()
  @Roles('manager', 'clerk', 'depositor')
  @ApiOkResponse({ type: InvoicingDetailsResponseDto, description: 'the party’s invoicing details' })
  async read(@Param('partyId') partyId: string, @CurrentPrincipal() principal: Principal): Promise<InvoicingDetailsResponseDto> {
    assertOwnParty(principal, partyId, () => notFound(partyId));
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, streams.invoicingDetails(partyId).streamId, invoicingDetailsDecider));
    if (!state.details) throw notFound(partyId);
    return { partyId, ...state.details };
  }
}
