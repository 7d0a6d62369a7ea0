import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { LotsQueryDto } from './lots.query.dto';
import { LotItemResponseDto } from './lots.response.dto';

interface LotRow {
  lot_id: string;
  commodity: string;
  brand: string;
  grade: string;
  warehouse_id: string;
  location: string;
  pieces: number;
  weight_kg: string;
  production_dates: string[];
  owner_card: string;
  inspection_report_ref: string;
  status: string;
  application_id: string | null;
  receipt_number: string | null;
  entitlement_id: string | null;
  stock_holds: number;
}

/** Lots known from the inventory service: what the order desk can apply to issue receipts over. */
@Controller('lots')
export class LotsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @Roles('clerk', 'manager', 'operator', 'ops')
  @ApiPageResponse(LotItemResponseDto, 'lots, by lot id')
  async list(@Query() query: LotsQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ after: string }>(query.cursor, 'lots').after : '';
    const { rows } = await this.db.query<LotRow>(
      `SELECT * FROM lots
        WHERE lot_id > $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR commodity = $3)
          AND ($4::text IS NULL OR owner_card = $4) AND ($5::text IS NULL OR warehouse_id = $5)
        ORDER BY lot_id LIMIT $6`,
      [after, query.status ?? null, query.commodity ?? null, query.ownerCard ?? null, query.warehouseId ?? null, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row) => ({
        lotId: row.lot_id,
        commodity: row.commodity,
        brand: row.brand,
        grade: row.grade,
        warehouseId: row.warehouse_id,
        location: row.location,
        pieces: row.pieces,
        weightKg: Number(row.weight_kg),
        productionDates: row.production_dates,
        ownerCard: row.owner_card,
        inspectionReportRef: row.inspection_report_ref,
        status: row.status,
        applicationId: row.application_id,
        receiptNumber: row.receipt_number,
        entitlementId: row.entitlement_id,
        stockHolds: row.stock_holds,
      }),
      (row) => this.cursors.encode({ after: row.lot_id }, 'lots'),
    );
  }
}
