import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Clock } from '@dw/kernel';
import { CLOCK, Roles, callerContextOf, CurrentCaller, type Caller } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import type { StatementBookCommand } from '../../domain/statement-book.commands';
import { StatementResponseDto } from '../../queries/statements/statement.response.dto';
import { parseStatementId, StatementBooks } from '../../statement-books';
import { ObjectToStatementRequestDto, ResolveObjectionRequestDto } from './review-statement.request.dto';

const REVIEWED = 'the statement after the review: its status, and the new version when an objection’s resolution reissued it';

/** The depositor accepts its statement or objects to it; a manager resolves an objection. */
@Controller('statements')
export class ReviewStatementHttpController {
  constructor(
    @Inject(StatementBooks) private readonly books: StatementBooks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':statementId/acceptance')
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({ type: StatementResponseDto, description: REVIEWED })
  accept(@Param('statementId') statementId: string, @CurrentCaller() caller: Caller): Promise<StatementResponseDto> {
    return this.review(statementId, caller, 'depositor', (data) => ({ type: 'AcceptStatement', data }));
  }

  @Post(':statementId/objection')
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({ type: StatementResponseDto, description: REVIEWED })
  object(@Param('statementId') statementId: string, @Body() body: ObjectToStatementRequestDto, @CurrentCaller() caller: Caller): Promise<StatementResponseDto> {
    return this.review(statementId, caller, 'depositor', (data) => ({ type: 'ObjectToStatement', data: { ...data, reason: body.reason } }));
  }

  @Post(':statementId/resolution')
  @HttpCode(200)
  @Roles('manager')
  @ApiOkResponse({ type: StatementResponseDto, description: REVIEWED })
  resolve(@Param('statementId') statementId: string, @Body() body: ResolveObjectionRequestDto, @CurrentCaller() caller: Caller): Promise<StatementResponseDto> {
    return this.review(statementId, caller, 'manager', (data) => ({
      type: 'ResolveStatementObjection',
      data: { ...data, note: body.note, reissue: body.reissue },
    }));
  }

  private async review(
    statementId: string,
    caller: Caller,
    role: 'depositor' | 'manager',
    commandOf: (data: { partyId: string; period: ReturnType<typeof parseStatementId>['period']; actor: Actor; at: string }) => StatementBookCommand,
  ): Promise<StatementResponseDto> {
    const { partyId, period } = parseStatementId(statementId);
    const { actor, at, metadata } = callerContextOf(caller, this.clock, [role]);
    const handled = await this.books.handle(partyId, commandOf({ partyId, period, actor, at }), metadata);
    const statement = handled.state.statements.find((candidate) => candidate.period === period)!;
    return { ...statement, partyId, lines: [...statement.lines] };
  }
}
