import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database, EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { ApiPageResponse, assertOwnParty, CurrentPrincipal, CursorCodec, pageOf, type Principal } from '@dw/platform';
import { orderAuthorityDecider } from '../../authority/domain/order-authority.decider';
import { standardNameOf } from '../../commodity/domain/standard-commodity';
import { lotTitleDecider } from '../../registry/domain/lot-title.decider';
import { titleColumnsOf, titleOfRow } from '../../registry/queries/lot-title.sql';
import { depositorScope } from '../../shared/depositor-scope';
import { stockFilterOf } from '../../shared/stock-filter.sql';
import { streams } from '../../shared/inventory.streams';
import { StockFilterQueryDto } from '../../shared/stock-filter.query.dto';
import { lotDecider } from '../domain/lot.decider';
import type { Lot } from '../domain/lot.state';
import { tallySheetOf } from '../domain/tally-sheet';
import { LotItemResponseDto, LotResponseDto, TallySheetResponseDto } from './lots.response.dto';

type Row = Record<string, string | number | boolean | Date | null | object>;

/**
 * Lots: the list (receiving, available, rejected), one lot as its stream says it is now, and its
 * tally sheet (码单) derived from the scans and weighings. Staff see every lot; a depositor only
 * the lots on its own storage cards (another's answer 404 like missing ones).
 */
@Controller('lots')
export class LotsHttpController {
  constructor(
    private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(LotItemResponseDto, 'lots, oldest first')
  async list(@Query() query: StockFilterQueryDto, @CurrentPrincipal() principal: Principal) {
    const party = await depositorScope(this.db, principal, query.owner);
    const after = query.cursor ? this.cursors.decode<{ p: string }>(query.cursor, 'lots').p : null;
    const filter = stockFilterOf(query, party, { alias: 'l', datedBy: 'opened_at', location: 'any-piece-of-the-lot' });
    const { rows } = await this.db.query<Row>(
      `SELECT l.*, ${titleColumnsOf('l.lot_id')} FROM lots l WHERE ${filter.where} AND ($9::bigint IS NULL OR l.position > $9) ORDER BY l.position LIMIT $10`,
      [...filter.params, after, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (r) => ({
        lotId: r.lot_id,
        orderId: r.order_id,
        warehouse: r.warehouse,
        owner: r.owner,
        commodity: r.commodity_code,
        standardName: r.standard_name,
        status: r.status,
        expected: { pieces: Number(r.expected_pieces), kg: Number(r.expected_kg) },
        pieces: Number(r.pieces),
        netKg: r.net_kg === null ? null : Number(r.net_kg),
        withinTolerance: r.within_tolerance,
        inspection: r.inspection_result === null ? null : { result: r.inspection_result, reportRef: r.inspection_report },
        openedAt: r.opened_at instanceof Date ? r.opened_at.toISOString() : null,
        availableAt: r.available_at instanceof Date ? r.available_at.toISOString() : null,
        ...titleOfRow(r),
      }),
      (r) => this.cursors.encode({ p: String(r.position) }, 'lots'),
    );
  }

  @Get(':lotId')
  @ApiOkResponse({ type: LotResponseDto, description: 'the lot as its stream has it now' })
  async get(@Param('lotId') lotId: string, @CurrentPrincipal() principal: Principal) {
    const lot = await this.ownLot(lotId, principal);
    return {
      lotId: lot.lotId,
      orderId: lot.orderId,
      status: lot.status,
      warehouse: lot.warehouse,
      owner: lot.owner,
      commodity: { ...lot.commodity, standardName: standardNameOf(lot.commodity) },
      expected: { pieces: lot.expectedPieces, kg: lot.expectedKg },
      checks: { scaleReadingRequired: lot.scaleReadingRequired, inspectionRequired: lot.inspectionRequired, toleranceBps: lot.toleranceBps },
      pieces: lot.pieces.length,
      tallyFinished: lot.tallyFinished,
      weighed: lot.weighed,
      inspection: lot.inspection,
      readingIds: lot.readingIds,
    };
  }

  @Get(':lotId/tally-sheet')
  @ApiOkResponse({ type: TallySheetResponseDto, description: 'the lot’s tally sheet (码单), derived from its scans and weighings' })
  async tallySheet(@Param('lotId') lotId: string, @CurrentPrincipal() principal: Principal) {
    return tallySheetOf(await this.ownLot(lotId, principal));
  }

  /**
   * The lot, read from its stream, if the caller may see it: staff always, a depositor when it
   * holds the title (the receipt's or entitlement's holder once the receipt service named one,
   * before that the inbound order's card). The owner shown is that holder's card.
   */
  private async ownLot(lotId: string, principal: Principal): Promise<Lot> {
    // rule INV-OWNER-FOLLOWS-TITLE
    return this.store.transaction(async (tx) => {
      const { state: lot } = await loadAggregate(tx, streams.lot(lotId).id, lotDecider);
      const missing = () => refuse.notFound('LOT_NOT_FOUND', `no lot ${lotId}`, { lotId });
      if (lot.status === 'none') throw missing();
      const { state: title } = await loadAggregate(tx, streams.lotTitle(lotId).id, lotTitleDecider);
      if (title.status === 'titled') {
        assertOwnParty(principal, title.holder.partyId, missing);
        return { ...lot, owner: title.holder.storageCard };
      }
      const { state: order } = await loadAggregate(tx, streams.authority(lot.orderId).id, orderAuthorityDecider);
      assertOwnParty(principal, order.status === 'none' ? '' : order.ownerParty, missing);
      return lot;
    });
  }
}
