import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CurrentPrincipal, CursorCodec, listScopeOf, PageQueryDto, pageOf, Roles, type Principal } from '@dw/platform';
import { VirtualAccountResponseDto } from '../../commands/assign-virtual-account/assign-virtual-account.response.dto';

interface VirtualAccountRow {
  bank_id: string;
  party_id: string;
  virtual_account: string;
}

/** Virtual accounts by party then bank: staff see every one, a depositor its own (what to pay to). */
@Controller('virtual-accounts')
@Roles('manager', 'clerk', 'depositor')
export class VirtualAccountsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(VirtualAccountResponseDto, 'virtual accounts by party then bank; a depositor’s own only')
  async list(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    const after = query.cursor ? this.cursors.decode<{ partyId: string; bankId: string }>(query.cursor, 'virtual-accounts') : { partyId: '', bankId: '' };
    const { rows } = await this.db.query<VirtualAccountRow>(
      `SELECT bank_id, party_id, virtual_account FROM virtual_accounts
        WHERE ($1::text IS NULL OR party_id = $1) AND (party_id, bank_id) > ($2, $3)
        ORDER BY party_id, bank_id LIMIT $4`,
      [listScopeOf(principal), after.partyId, after.bankId, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): VirtualAccountResponseDto => ({ partyId: row.party_id, bankId: row.bank_id, virtualAccount: row.virtual_account }),
      (row) => this.cursors.encode({ partyId: row.party_id, bankId: row.bank_id }, 'virtual-accounts'),
    );
  }
}
