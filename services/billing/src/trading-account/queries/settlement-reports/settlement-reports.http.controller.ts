import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { type Clock, localDate, refuse } from '@dw/kernel';
import { assertOwnParty, CLOCK, CurrentCaller, CurrentPrincipal, Roles, type Caller, type Principal } from '@dw/platform';
import { ObjectToSettlementReportRequestDto } from '../../commands/object-to-settlement-report/object-to-settlement-report.request.dto';
import { TradingAccountCommands } from '../../commands/trading-account-commands';
import type { DayFigures } from '../../domain/trading-money';
import { SettlementReportResponseDto } from './settlement-report.response.dto';

interface ReportRow {
  party_id: string;
  trading_day: string;
  previous_balance_fen: string;
  figures: DayFigures;
  balance_fen: string;
  withdrawable_fen: string;
  objection_deadline: Date;
  objection: string | null;
}

const reportNotFound = (tradingDay: string) => refuse.notFound('SETTLEMENT_REPORT_NOT_FOUND', `no settlement report of ${tradingDay}`, { tradingDay });

/** A trader's daily settlement reports (第三十八条) from the trading_settlement_reports read model, and its objection (第三十九条). */
@Controller()
export class SettlementReportsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TradingAccountCommands) private readonly commands: TradingAccountCommands,
  ) {}

  @Get('trading-accounts/:partyId/settlement-reports/:tradingDay')
  @Roles('manager', 'clerk', 'depositor')
  @ApiOkResponse({ type: SettlementReportResponseDto, description: 'the day’s report and whether it stands' })
  async report(
    @Param('partyId') partyId: string,
    @Param('tradingDay') day: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SettlementReportResponseDto> {
    const tradingDay = localDate(day, 'tradingDay');
    assertOwnParty(principal, partyId, () => reportNotFound(tradingDay));
    const { rows } = await this.db.query<ReportRow>(
      `SELECT party_id, to_char(trading_day, 'YYYY-MM-DD') AS trading_day, previous_balance_fen, figures, balance_fen, withdrawable_fen, objection_deadline, objection
         FROM trading_settlement_reports WHERE party_id = $1 AND trading_day = $2`,
      [partyId, tradingDay],
    );
    const row = rows[0];
    if (!row) throw reportNotFound(tradingDay);
    const status = row.objection !== null ? 'objected' : this.clock.now() >= row.objection_deadline ? 'accepted' : 'open';
    return {
      partyId,
      tradingDay: row.trading_day,
      previousBalanceFen: Number(row.previous_balance_fen),
      figures: row.figures,
      balanceFen: Number(row.balance_fen),
      withdrawableFen: Number(row.withdrawable_fen),
      objectionDeadline: row.objection_deadline.toISOString(),
      status,
      objection: row.objection,
    };
  }

  @Post('trading-accounts/:partyId/settlement-reports/:tradingDay/objection')
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({ type: SettlementReportResponseDto, description: 'objected (the same reason again answers the same)' })
  async object(
    @Param('partyId') partyId: string,
    @Param('tradingDay') day: string,
    @Body() body: ObjectToSettlementReportRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SettlementReportResponseDto> {
    const tradingDay = localDate(day, 'tradingDay');
    const { state } = await this.commands.execute(partyId, caller, ['depositor'], (context) => ({
      type: 'ObjectToSettlementReport',
      data: { tradingDay, reason: body.reason, ...context },
    }));
    const report = state.reports[tradingDay]!;
    return {
      partyId,
      tradingDay,
      previousBalanceFen: report.previousBalanceFen,
      figures: report.figures,
      balanceFen: report.balanceFen,
      withdrawableFen: report.withdrawableFen,
      objectionDeadline: report.objectionDeadline,
      status: 'objected',
      objection: report.objection,
    };
  }
}
