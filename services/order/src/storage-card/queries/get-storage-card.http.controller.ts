import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { Roles } from '@dw/platform';
import { storageCardIn } from '../storage-cards';
import { StorageCardResponseDto } from './get-storage-card.response.dto';

/**
 * The order desk's copy of a storage card (from the receipt service's events): whether an order
 * may name it now, and for which party. A card the desk has not heard of is 404.
 */
@Controller('storage-cards')
export class GetStorageCardHttpController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  @Get(':cardNumber')
  @Roles('clerk', 'manager', 'ops')
  @ApiOkResponse({ type: StorageCardResponseDto, description: 'the card as the order desk last heard of it' })
  async get(@Param('cardNumber') cardNumber: string): Promise<StorageCardResponseDto> {
    const card = await this.store.transaction((tx) => storageCardIn(tx, cardNumber));
    if (card.status === 'unknown') throw refuse.notFound('CARD_NOT_FOUND', `no storage card ${cardNumber}`, { cardNumber });
    return { cardNumber, party: card.party, holderName: card.holderName, status: card.status };
  }
}
