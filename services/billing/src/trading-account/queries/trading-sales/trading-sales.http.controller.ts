import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CurrentPrincipal, CursorCodec, listScopeOf, pageOf, Roles, type Principal } from '@dw/platform';
import { TradingSalesQueryDto } from './trading-sales.query.dto';
import { TradingSaleResponseDto } from './trading-sales.response.dto';

interface SaleRow {
  take_id: string;
  seller_party_id: string;
  buyer_party_id: string;
  trade_day: string;
  proceeds_fen: string;
  invoice_deposit_fen: string;
  invoice_due_day: string;
  buyer_invoice_month: string;
  invoice_number: string | null;
  invoice_received_on: string | null;
  status: TradingSaleResponseDto['status'];
  days_late: number | null;
  penalty_fen: string | null;
  released_fen: string | null;
}

const fenOrNull = (value: string | null) => (value === null ? null : Number(value));

/** Paid takes from the trading_sales read model: staff list every one, a trader those it sold or bought. */
@Controller()
@Roles('manager', 'clerk', 'depositor')
export class TradingSalesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get('trading-sales')
  @ApiPageResponse(TradingSaleResponseDto, 'paid takes by trade day then take id; filtered by seller, buyer and buyer invoice month; a trader’s own only')
  async sales(@Query() query: TradingSalesQueryDto, @CurrentPrincipal() principal: Principal) {
    const scope = listScopeOf(principal);
    const after = query.cursor
      ? this.cursors.decode<{ tradeDay: string; takeId: string }>(query.cursor, 'trading-sales')
      : { tradeDay: '0001-01-01', takeId: '' };
    const { rows } = await this.db.query<SaleRow>(
      `SELECT take_id, seller_party_id, buyer_party_id, to_char(trade_day, 'YYYY-MM-DD') AS trade_day, proceeds_fen, invoice_deposit_fen,
              to_char(invoice_due_day, 'YYYY-MM-DD') AS invoice_due_day, buyer_invoice_month, invoice_number,
              to_char(invoice_received_on, 'YYYY-MM-DD') AS invoice_received_on, status, days_late, penalty_fen, released_fen
         FROM trading_sales
        WHERE ($1::text IS NULL OR seller_party_id = $1 OR buyer_party_id = $1)
          AND ($2::text IS NULL OR seller_party_id = $2) AND ($3::text IS NULL OR buyer_party_id = $3)
          AND ($4::text IS NULL OR buyer_invoice_month = $4)
          AND (trade_day, take_id) > ($5::date, $6)
        ORDER BY trade_day, take_id LIMIT $7`,
      [scope, query.sellerPartyId ?? null, query.buyerPartyId ?? null, query.buyerInvoiceMonth ?? null, after.tradeDay, after.takeId, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): TradingSaleResponseDto => ({
        takeId: row.take_id,
        sellerPartyId: row.seller_party_id,
        buyerPartyId: row.buyer_party_id,
        tradeDay: row.trade_day,
        proceedsFen: Number(row.proceeds_fen),
        invoiceDepositFen: Number(row.invoice_deposit_fen),
        invoiceDueDay: row.invoice_due_day,
        buyerInvoiceMonth: row.buyer_invoice_month,
        invoiceNumber: row.invoice_number,
        invoiceReceivedOn: row.invoice_received_on,
        status: row.status,
        daysLate: row.days_late,
        penaltyFen: fenOrNull(row.penalty_fen),
        releasedFen: fenOrNull(row.released_fen),
      }),
      (row) => this.cursors.encode({ tradeDay: row.trade_day, takeId: row.take_id }, 'trading-sales'),
    );
  }
}
