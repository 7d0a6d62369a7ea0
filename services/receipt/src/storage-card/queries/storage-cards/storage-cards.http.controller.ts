import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Database, EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { ApiPageResponse, assertOwnParty, CurrentPrincipal, listScopeOf, CursorCodec, pageOf, setETag, type Principal } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { storageCardDecider } from '../../domain/storage-card.decider';
import { StorageCardsQueryDto } from './storage-cards.query.dto';
import { StorageCardItemResponseDto, StorageCardResponseDto } from './storage-cards.response.dto';

interface CardRow {
  card_number: string;
  owner_party_id: string;
  holder_name: string;
  status: string;
  last_reason: string | null;
  applied_at: Date;
  updated_at: Date;
  version: number;
}

const toItem = (row: CardRow) => ({
  cardNumber: row.card_number,
  ownerPartyId: row.owner_party_id,
  holderName: row.holder_name,
  status: row.status,
  lastReason: row.last_reason,
  appliedAt: row.applied_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  version: row.version,
});

@Controller('storage-cards')
export class StorageCardsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  /** Staff see every card (filter by owner, status); a depositor sees its own. Ordered by card number. */
  @Get()
  @ApiPageResponse(StorageCardItemResponseDto, 'storage cards, by card number')
  async list(@Query() query: StorageCardsQueryDto, @CurrentPrincipal() principal: Principal) {
    const scope = listScopeOf(principal);
    const owner = scope === null ? (query.ownerPartyId ?? null) : scope;
    const after = query.cursor ? this.cursors.decode<{ after: string }>(query.cursor, 'storage-cards').after : '';
    const { rows } = await this.db.query<CardRow>(
      `SELECT * FROM storage_cards
        WHERE card_number > $1 AND ($2::text IS NULL OR owner_party_id = $2) AND ($3::text IS NULL OR status = $3)
        ORDER BY card_number LIMIT $4`,
      [after, owner, query.status ?? null, query.limit + 1],
    );
    return pageOf(rows, query.limit, toItem, (row) => this.cursors.encode({ after: row.card_number }, 'storage-cards'));
  }

  /** One card, current to its last event (from its stream), with its version as ETag. */
  @Get(':cardNumber')
  @ApiOkResponse({ type: StorageCardResponseDto, description: 'the card as its stream has it now; its version is the ETag' })
  async get(@Param('cardNumber') cardNumber: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: ServerResponse) {
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, streams.storageCard(cardNumber).streamId, storageCardDecider));
    const missing = () => refuse.notFound('CARD_NOT_FOUND', `no storage card ${cardNumber}`, { cardNumber });
    if (!state) throw missing();
    assertOwnParty(principal, state.ownerPartyId, missing);
    setETag(response, version);
    return { ...state, version };
  }
}
