import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, assertOwnParty, CurrentPrincipal, CursorCodec, PageQueryDto, pageOf, Roles, type Principal } from '@dw/platform';
import { accountNotFound } from '../../../account/commands/account-commands';
import { JournalLineResponseDto } from './journal-lines.response.dto';

interface JournalLineRow {
  entry_id: string;
  line_no: number;
  account: string;
  debit_fen: string;
  credit_fen: string;
  posted_on: string;
  cause_type: string;
  cause_id: string;
  bank_id: string | null;
  bank_transaction_id: string | null;
  global_position: string;
}

/** A party's account statement: the lines of every journal entry of its account, in the order booked. */
@Controller()
@Roles('manager', 'clerk', 'depositor')
export class JournalLinesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get('accounts/:partyId/entries')
  @ApiPageResponse(JournalLineResponseDto, 'the journal lines of the party’s entries in the order booked, line by line; a depositor’s own only')
  async entries(@Param('partyId') partyId: string, @Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    assertOwnParty(principal, partyId, () => accountNotFound(partyId));
    const after = query.cursor ? this.cursors.decode<{ position: string; line: number }>(query.cursor, 'entries') : { position: '0', line: 0 };
    const { rows } = await this.db.query<JournalLineRow>(
      `SELECT entry_id, line_no, account, debit_fen, credit_fen, to_char(posted_on, 'YYYY-MM-DD') AS posted_on, cause_type, cause_id,
              bank_id, bank_transaction_id, global_position
         FROM journal_lines
        WHERE party_id = $1 AND (global_position, line_no) > ($2::bigint, $3)
        ORDER BY global_position, line_no LIMIT $4`,
      [partyId, after.position, after.line, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): JournalLineResponseDto => ({
        entryId: row.entry_id,
        lineNo: row.line_no,
        account: row.account,
        debitFen: Number(row.debit_fen),
        creditFen: Number(row.credit_fen),
        postedOn: row.posted_on,
        causeType: row.cause_type,
        causeId: row.cause_id,
        bankId: row.bank_id,
        bankTransactionId: row.bank_transaction_id,
      }),
      (row) => this.cursors.encode({ position: row.global_position, line: row.line_no }, 'entries'),
    );
  }
}
