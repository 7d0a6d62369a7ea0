import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { TakeResponseDto } from '../../commands/take-listing/take-listing.response.dto';

interface TakeRow {
  take_id: string;
  listing_id: string;
  state: TakeResponseDto['state'];
  reason_code: string | null;
  reason: string | null;
  buyer_party_id: string;
  seller_party_id: string;
  commodity: string;
  trading_day: string;
  receipts: TakeResponseDto['receipts'];
  weight_kg: string;
  price_fen_per_tonne: string;
  proceeds_fen: string;
  reserved_at: Date;
  resolved_at: Date | null;
}

const takeNotFound = () => refuse.notFound('TAKE_NOT_FOUND', 'no such take');

/**
 * A take as its buyer or seller follows it: reserved, settled, released (with billing's reason) or
 * stuck. Another trader's take answers as a missing one; warehouse staff see every take.
 */
@Controller('trading/takes')
export class TakesHttpController {
  constructor(@Inject(Database) private readonly db: Database) {}

  @Get(':takeId')
  @Roles('depositor', 'manager', 'ops')
  @ApiOkResponse({ type: TakeResponseDto, description: 'the take and where it stands' })
  async one(@Param('takeId') takeId: string, @CurrentCaller() caller: Caller): Promise<TakeResponseDto> {
    const { rows } = await this.db.query<TakeRow>(
      `SELECT take_id, listing_id, state, reason_code, reason, buyer_party_id, seller_party_id, commodity, trading_day::text AS trading_day, receipts,
              weight_kg, price_fen_per_tonne, proceeds_fen, reserved_at, resolved_at
         FROM trading_takes WHERE take_id = $1`,
      [takeId],
    );
    const row = rows[0];
    if (!row) throw takeNotFound();
    const staff = caller.principal.roles.some((role) => role === 'manager' || role === 'ops');
    const party = caller.principal.partyId;
    if (!staff && party !== row.buyer_party_id && party !== row.seller_party_id) throw takeNotFound();
    return {
      takeId: row.take_id,
      listingId: row.listing_id,
      state: row.state,
      reasonCode: row.reason_code,
      reason: row.reason,
      buyerPartyId: row.buyer_party_id,
      sellerPartyId: row.seller_party_id,
      commodity: row.commodity,
      tradingDay: row.trading_day,
      receipts: row.receipts,
      weightKg: Number(row.weight_kg),
      priceFenPerTonne: Number(row.price_fen_per_tonne),
      proceedsFen: Number(row.proceeds_fen),
      reservedAt: row.reserved_at.toISOString(),
      resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
    };
  }
}
