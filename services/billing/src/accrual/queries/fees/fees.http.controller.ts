import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { localDate } from '@dw/kernel';
import { ApiPageResponse, CurrentPrincipal, CursorCodec, listScopeOf, pageOf, Roles, type Principal } from '@dw/platform';
import type { FeeItem } from '../../domain/holding.events';
import { FeesQueryDto } from './fees.query.dto';
import { FeeItemResponseDto } from './fees.response.dto';

interface FeeRow {
  fee_id: string;
  party_id: string;
  item: FeeItem;
  receipt_number: string | null;
  lot_id: string | null;
  service_date: string;
  charged_on: string;
  weight_kg: string;
  rate_fen: string;
  amount_fen: string;
  rate_source: 'contract' | 'default' | 'settlement_price';
  rate_version: number;
  accrued_at: Date;
  reversed_at: Date | null;
  reversal_reason: string | null;
}

/** The fees charged to parties: staff list anyone’s, a depositor its own only. */
@Controller()
@Roles('manager', 'clerk', 'depositor')
export class FeesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get('fees')
  @ApiPageResponse(FeeItemResponseDto, 'fees by the day charged, then fee id; filtered by party, receipt and charge date range; a depositor’s own only')
  async fees(@Query() query: FeesQueryDto, @CurrentPrincipal() principal: Principal) {
    const scope = listScopeOf(principal);
    const from = query.from === undefined ? null : localDate(query.from, 'from');
    const to = query.to === undefined ? null : localDate(query.to, 'to');
    const after = query.cursor ? this.cursors.decode<{ chargedOn: string; feeId: string }>(query.cursor, 'fees') : { chargedOn: '0001-01-01', feeId: '' };
    const { rows } = await this.db.query<FeeRow>(
      `SELECT fee_id, party_id, item, receipt_number, lot_id, to_char(service_date, 'YYYY-MM-DD') AS service_date,
              to_char(charged_on, 'YYYY-MM-DD') AS charged_on, weight_kg, rate_fen, amount_fen, rate_source, rate_version,
              accrued_at, reversed_at, reversal_reason
         FROM fees
        WHERE ($1::text IS NULL OR party_id = $1) AND ($2::text IS NULL OR party_id = $2) AND ($3::text IS NULL OR receipt_number = $3)
          AND ($4::date IS NULL OR charged_on >= $4) AND ($5::date IS NULL OR charged_on <= $5)
          AND (charged_on, fee_id) > ($6::date, $7)
        ORDER BY charged_on, fee_id LIMIT $8`,
      [scope, query.partyId ?? null, query.receiptNumber ?? null, from, to, after.chargedOn, after.feeId, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): FeeItemResponseDto => ({
        feeId: row.fee_id,
        partyId: row.party_id,
        item: row.item,
        receiptNumber: row.receipt_number,
        lotId: row.lot_id,
        serviceDate: row.service_date,
        chargedOn: row.charged_on,
        weightKg: Number(row.weight_kg),
        rateFen: Number(row.rate_fen),
        amountFen: Number(row.amount_fen),
        rateSource: row.rate_source,
        rateVersion: row.rate_version,
        accruedAt: row.accrued_at.toISOString(),
        reversedAt: row.reversed_at?.toISOString() ?? null,
        reversalReason: row.reversal_reason,
      }),
      (row) => this.cursors.encode({ chargedOn: row.charged_on, feeId: row.fee_id }, 'fees'),
    );
  }
}
