import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Database, EventStore, loadAggregate } from '@dw/event-store';
import { type Clock, localDate, refuse, shanghaiDateOf } from '@dw/kernel';
import {
  ApiPageResponse,
  assertOwnParty,
  CLOCK,
  CurrentPrincipal,
  CursorCodec,
  listScopeOf,
  PageQueryDto,
  pageOf,
  Roles,
  setETag,
  type Principal,
} from '@dw/platform';
import { streams } from '../../../common/events/streams';
import type { RateCardTerms } from '../../domain/rate-card.terms';
import type { RateCardTermsDto } from '../../commands/publish-rate-card-version/publish-rate-card-version.request.dto';
import { rateCardDecider, rateCardInForce, versionInForceOn, type RateCardState } from '../../domain/rate-card.decider';
import { InForceQueryDto } from './rate-cards.query.dto';
import { ContractVersionItemResponseDto, RateCardInForceResponseDto, RateCardResponseDto } from './rate-cards.response.dto';

interface ContractVersionRow {
  party_id: string;
  version: number;
  effective_from: string;
  terms: ContractVersionItemResponseDto['terms'];
  published_by: string;
  published_at: Date;
}

const contractNotFound = (partyId: string) => refuse.notFound('CONTRACT_NOT_FOUND', `no contract for party ${partyId}`, { partyId });

/**
 * The published default rate card and the depositors' contracts: staff read every one, a
 * depositor the default and its own contract only (another party's answers as a missing one).
 */
@Controller()
@Roles('manager', 'clerk', 'depositor')
export class RateCardsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('rate-cards/default')
  @ApiOkResponse({ type: RateCardResponseDto, description: 'the published default’s versions from its stream; its version is the ETag' })
  async published(@Res({ passthrough: true }) response: ServerResponse): Promise<RateCardResponseDto> {
    const { state, version } = await this.load(null);
    if (state.versions.length === 0) throw refuse.notFound('RATE_CARD_NOT_FOUND', 'no default rate card has been published', {});
    setETag(response, version);
    return this.cardView(null, state);
  }

  @Get('rate-cards/default/in-force')
  @ApiOkResponse({ type: RateCardInForceResponseDto, description: 'the published default’s version in force on the day' })
  async publishedInForce(@Query() query: InForceQueryDto): Promise<RateCardInForceResponseDto> {
    const on = this.dayOf(query);
    const { state } = await this.load(null);
    return this.inForceView(on, rateCardInForce({ versions: [] }, state, on));
  }

  @Get('contracts')
  @ApiPageResponse(ContractVersionItemResponseDto, 'contract versions by party then version; a depositor’s own only')
  async contracts(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    const after = query.cursor ? this.cursors.decode<{ partyId: string; version: number }>(query.cursor, 'contracts') : { partyId: '', version: 0 };
    const { rows } = await this.db.query<ContractVersionRow>(
      `SELECT party_id, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, terms, published_by, published_at
         FROM rate_card_versions
        WHERE party_id IS NOT NULL AND ($1::text IS NULL OR party_id = $1) AND (party_id, version) > ($2, $3)
        ORDER BY party_id, version LIMIT $4`,
      [listScopeOf(principal), after.partyId, after.version, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        partyId: row.party_id,
        version: row.version,
        effectiveFrom: row.effective_from,
        terms: row.terms,
        publishedBy: row.published_by,
        publishedAt: row.published_at.toISOString(),
      }),
      (row) => this.cursors.encode({ partyId: row.party_id, version: row.version }, 'contracts'),
    );
  }

  @Get('contracts/:partyId')
  @ApiOkResponse({ type: RateCardResponseDto, description: 'the party’s contract versions from its stream; its version is the ETag' })
  async contract(
    @Param('partyId') partyId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<RateCardResponseDto> {
    assertOwnParty(principal, partyId, () => contractNotFound(partyId));
    const { state, version } = await this.load(partyId);
    if (state.versions.length === 0) throw contractNotFound(partyId);
    setETag(response, version);
    return this.cardView(partyId, state);
  }

  @Get('contracts/:partyId/in-force')
  @ApiOkResponse({
    type: RateCardInForceResponseDto,
    description: 'the rates the party is charged on the day: its contract’s version in force, else the published default’s',
  })
  async contractInForce(
    @Param('partyId') partyId: string,
    @Query() query: InForceQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RateCardInForceResponseDto> {
    assertOwnParty(principal, partyId, () => contractNotFound(partyId));
    const on = this.dayOf(query);
    const [contract, published] = await Promise.all([this.load(partyId), this.load(null)]);
    return this.inForceView(on, rateCardInForce(contract.state, published.state, on));
  }

  private load(partyId: string | null) {
    return this.store.transaction((tx) => loadAggregate(tx, streams.rateCard(partyId).streamId, rateCardDecider));
  }

  private dayOf(query: InForceQueryDto) {
    return query.on === undefined ? shanghaiDateOf(this.clock.now()) : localDate(query.on, 'on');
  }

  private cardView(partyId: string | null, state: RateCardState): RateCardResponseDto {
    const today = shanghaiDateOf(this.clock.now());
    const versions = state.versions.map(({ version, effectiveFrom, terms }) => ({ version, effectiveFrom, terms: termsView(terms) }));
    return { partyId, versions, inForceVersion: versionInForceOn(state, today)?.version ?? null, today };
  }

  private inForceView(on: string, card: ReturnType<typeof rateCardInForce>): RateCardInForceResponseDto {
    return { on, source: card.source, partyId: card.partyId, version: card.version, effectiveFrom: card.effectiveFrom, terms: termsView(card.terms) };
  }
}

const termsView = (terms: RateCardTerms): RateCardTermsDto => ({ ...terms, storage: [...terms.storage], loadOut: [...terms.loadOut] });
