import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CurrentCaller, CursorCodec, Idempotent, IntegrationApi, pageOf, PageQueryDto, Roles, type Caller } from '@dw/platform';
import { TradingWithdrawalResponseDto, tradingWithdrawalView } from '../request-trading-withdrawal/trading-withdrawal.response.dto';
import { TradingAccountCommands } from '../trading-account-commands';
import { ConfirmTradingWithdrawalRequestDto, RefuseTradingWithdrawalRequestDto } from './answer-trading-withdrawal.request.dto';
import { TradingWithdrawalToPayResponseDto } from './trading-withdrawal-to-pay.response.dto';

interface ToPayRow {
  withdrawal_id: string;
  account_number: string;
  amount_fen: string;
  payee: { accountName: string; accountNumber: string; bank: string };
  trading_day: string;
  approved_at: Date;
}

/**
 * The depository bank's side of trading withdrawals, through its signed integration API: it
 * reads the approved ones to pay from the exchange's trading settlement account to each trader's
 * bank settlement account (第三十一条), and answers each once: paid, or refused (back to the balance).
 */
@Controller('integration/bank')
@IntegrationApi()
@Roles('bank')
export class AnswerTradingWithdrawalHttpController {
  constructor(
    @Inject(TradingAccountCommands) private readonly commands: TradingAccountCommands,
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get('trading-withdrawals')
  @ApiPageResponse(TradingWithdrawalToPayResponseDto, 'the approved trading withdrawals not yet answered, oldest first')
  async toPay(@Query() query: PageQueryDto) {
    const after = query.cursor
      ? this.cursors.decode<{ approvedAt: string; id: string }>(query.cursor, 'trading-withdrawals')
      : { approvedAt: '1970-01-01T00:00:00Z', id: '' };
    const { rows } = await this.db.query<ToPayRow>(
      `SELECT withdrawal_id, account_number, amount_fen, payee, to_char(trading_day, 'YYYY-MM-DD') AS trading_day, approved_at
         FROM trading_withdrawals WHERE status = 'approved' AND (approved_at, withdrawal_id) > ($1::timestamptz, $2)
        ORDER BY approved_at, withdrawal_id LIMIT $3`,
      [after.approvedAt, after.id, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (row): TradingWithdrawalToPayResponseDto => ({
        withdrawalId: row.withdrawal_id,
        accountNumber: row.account_number,
        amountFen: Number(row.amount_fen),
        payee: row.payee,
        tradingDay: row.trading_day,
      }),
      (row) => this.cursors.encode({ approvedAt: row.approved_at.toISOString(), id: row.withdrawal_id }, 'trading-withdrawals'),
    );
  }

  @Post('trading-withdrawals/:withdrawalId/confirmation')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingWithdrawalResponseDto, description: 'paid (again: answers the same)' })
  async confirm(
    @Param('withdrawalId') withdrawalId: string,
    @Body() body: ConfirmTradingWithdrawalRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TradingWithdrawalResponseDto> {
    const partyId = await this.commands.partyOfAccountNumber(body.accountNumber);
    const { state } = await this.commands.execute(partyId, caller, ['bank'], ({ actor, at }) => ({
      type: 'ConfirmTradingWithdrawal',
      data: { withdrawalId, bankId: actor.subject, bankTransactionId: body.bankTransactionId, valueDate: body.valueDate, actor, at },
    }));
    return tradingWithdrawalView(partyId, state, withdrawalId);
  }

  @Post('trading-withdrawals/:withdrawalId/refusal')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingWithdrawalResponseDto, description: 'returned to the balance (again: answers the same)' })
  async refuse(
    @Param('withdrawalId') withdrawalId: string,
    @Body() body: RefuseTradingWithdrawalRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TradingWithdrawalResponseDto> {
    const partyId = await this.commands.partyOfAccountNumber(body.accountNumber);
    const { state } = await this.commands.execute(partyId, caller, ['bank'], (context) => ({
      type: 'ReturnTradingWithdrawal',
      data: { withdrawalId, reason: body.reason, ...context },
    }));
    return tradingWithdrawalView(partyId, state, withdrawalId);
  }
}
