import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CurrentPrincipal, CursorCodec, pageOf, type Principal } from '@dw/platform';
import { titleColumnsOf, titleOfRow } from '../../registry/queries/lot-title.sql';
import { depositorScope } from '../../shared/depositor-scope';
import { dateOfPgDate } from '../../shared/pg-date';
import { stockFilterOf } from '../../shared/stock-filter.sql';
import { StockFilterQueryDto } from '../../shared/stock-filter.query.dto';
import { StockLotItemResponseDto, StockMovementItemResponseDto, StockPieceItemResponseDto } from './stock.response.dto';

type Row = Record<string, string | number | Date | null | object>;
const n = (value: unknown): number => Number(value);
const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

/**
 * Stock by lot (on hand, reserved, frozen, available; the receipt it backs and what holds it), by piece (where each one lies), and the
 * movements (received, put away, moved, shipped, stocktake corrections). Staff see everything; a
 * depositor only its own storage cards. Each list is paginated and filterable by commodity,
 * owner, location, warehouse, lot and date (Asia/Shanghai days).
 */
@Controller('stock')
export class StockHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(StockLotItemResponseDto, 'stock by lot, in the order lots were booked in')
  async lots(@Query() query: StockFilterQueryDto, @CurrentPrincipal() principal: Principal) {
    const party = await depositorScope(this.db, principal, query.owner);
    const after = query.cursor ? this.cursors.decode<{ p: string }>(query.cursor, 'stock').p : null;
    const filter = stockFilterOf(query, party, { alias: 's', datedBy: 'received_at', location: 'any-piece-of-the-lot' });
    const { rows } = await this.db.query<Row>(
      `SELECT s.*, l.standard_name, ${titleColumnsOf('s.lot_id')} FROM stock_lots s JOIN lots l ON l.lot_id = s.lot_id
        WHERE ${filter.where} AND ($9::bigint IS NULL OR s.position > $9)
        ORDER BY s.position LIMIT $10`,
      [...filter.params, after, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (r) => {
        const onHand = { pieces: n(r.on_hand_pieces), kg: n(r.on_hand_kg) };
        const reserved = { pieces: n(r.reserved_pieces), kg: n(r.reserved_kg) };
        const frozen = { pieces: n(r.frozen_pieces), kg: n(r.frozen_kg) };
        return {
          lotId: r.lot_id,
          warehouse: r.warehouse,
          owner: r.owner,
          commodity: r.commodity_code,
          standardName: r.standard_name,
          onHand,
          reserved,
          frozen,
          available: { pieces: onHand.pieces - reserved.pieces - frozen.pieces, kg: onHand.kg - reserved.kg - frozen.kg },
          ...titleOfRow(r),
          receivedAt: iso(r.received_at),
          updatedAt: iso(r.updated_at),
        };
      },
      (r) => this.cursors.encode({ p: String(r.position) }, 'stock'),
    );
  }

  @Get('pieces')
  @ApiPageResponse(StockPieceItemResponseDto, 'pieces, in the order they were scanned in')
  async pieces(@Query() query: StockFilterQueryDto, @CurrentPrincipal() principal: Principal) {
    const party = await depositorScope(this.db, principal, query.owner);
    const after = query.cursor ? this.cursors.decode<{ p: string; b: string }>(query.cursor, 'pieces') : null;
    const rows = await this.filteredAfter('stock_pieces', 'scanned_at', 'barcode', query, party, after && { position: after.p, tie: after.b });
    return pageOf(
      rows,
      query.limit,
      (r) => ({
        barcode: r.barcode,
        warehouse: r.warehouse,
        lotId: r.lot_id,
        owner: r.owner,
        commodity: r.commodity_code,
        kind: r.kind,
        // A NOT NULL date column.
        productionDate: dateOfPgDate(r.production_date as Date),
        netKg: r.net_kg === null ? null : n(r.net_kg),
        locationId: r.location_id,
        status: r.status,
        scannedAt: iso(r.scanned_at),
      }),
      (r) => this.cursors.encode({ p: String(r.position), b: r.barcode }, 'pieces'),
    );
  }

  @Get('movements')
  @ApiPageResponse(StockMovementItemResponseDto, 'movements, oldest first')
  async movements(@Query() query: StockFilterQueryDto, @CurrentPrincipal() principal: Principal) {
    const party = await depositorScope(this.db, principal, query.owner);
    const after = query.cursor ? this.cursors.decode<{ p: string; l: string }>(query.cursor, 'movements') : null;
    const rows = await this.filteredAfter('stock_movements', 'at', 'lot_id', query, party, after && { position: after.p, tie: after.l });
    return pageOf(
      rows,
      query.limit,
      (r) => ({
        lotId: r.lot_id,
        kind: r.kind,
        warehouse: r.warehouse,
        owner: r.owner,
        commodity: r.commodity_code,
        locationId: r.location_id,
        pieces: n(r.pieces),
        kg: n(r.kg),
        orderId: r.order_id,
        reason: r.reason,
        actor: r.actor,
        at: iso(r.at),
      }),
      (r) => this.cursors.encode({ p: String(r.position), l: r.lot_id }, 'movements'),
    );
  }

  /**
   * One page of a per-piece or per-movement table under the list filters, in (position, tie)
   * order after the cursor. Table and column names come from this class, never from input.
   */
  private async filteredAfter(
    table: 'stock_pieces' | 'stock_movements',
    timeColumn: 'scanned_at' | 'at',
    tieColumn: 'barcode' | 'lot_id',
    query: StockFilterQueryDto,
    party: string | null,
    after: { position: string; tie: string } | null,
  ): Promise<Row[]> {
    const filter = stockFilterOf(query, party, { datedBy: timeColumn, location: 'own-column' });
    const { rows } = await this.db.query<Row>(
      `SELECT * FROM ${table}
        WHERE ${filter.where} AND ($9::bigint IS NULL OR (position, ${tieColumn}) > ($9, $10))
        ORDER BY position, ${tieColumn} LIMIT $11`,
      [...filter.params, after?.position ?? null, after?.tie ?? '', query.limit + 1],
    );
    return rows;
  }
}
