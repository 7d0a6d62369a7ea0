import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, Roles } from '@dw/platform';
import { ReconciliationBreaksQueryDto } from './reconciliation-breaks.query.dto';
import { ReconciliationBreakItemResponseDto } from './reconciliation-breaks.response.dto';

interface BreakRow {
  break_id: string;
  bank_id: string;
  statement_date: string;
  kind: string;
  bank_transaction_id: string;
  statement_amount_fen: string | null;
  book_amount_fen: string | null;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
}

const fen = (value: string | null) => (value === null ? null : Number(value));

/** Reconciliation breaks for the warehouse’s staff: the open ones are the alarms to resolve. */
@Controller('reconciliation-breaks')
@Roles('manager', 'clerk')
export class ReconciliationBreaksHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(ReconciliationBreakItemResponseDto, 'reconciliation breaks by break id (bank, day, transaction)')
  async list(@Query() query: ReconciliationBreaksQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ breakId: string }>(query.cursor, 'reconciliation-breaks') : { breakId: '' };
    const { rows } = await this.db.query<BreakRow>(
      `SELECT break_id, bank_id, to_char(statement_date, 'YYYY-MM-DD') AS statement_date, kind, bank_transaction_id,
              statement_amount_fen, book_amount_fen, status, resolution, resolved_by
         FROM reconciliation_breaks
        WHERE ($1::text IS NULL OR status = $1) AND break_id > $2
        ORDER BY break_id LIMIT $3`,
      [query.status ?? null, after.breakId, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): ReconciliationBreakItemResponseDto => ({
        breakId: row.break_id,
        bankId: row.bank_id,
        statementDate: row.statement_date,
        kind: row.kind,
        bankTransactionId: row.bank_transaction_id,
        statementAmountFen: fen(row.statement_amount_fen),
        bookAmountFen: fen(row.book_amount_fen),
        status: row.status,
        resolution: row.resolution,
        resolvedBy: row.resolved_by,
      }),
      (row) => this.cursors.encode({ breakId: row.break_id }, 'reconciliation-breaks'),
    );
  }
}
