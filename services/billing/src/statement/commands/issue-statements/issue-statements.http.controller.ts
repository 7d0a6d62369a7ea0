import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Clock } from '@dw/kernel';
import { CLOCK, Roles, callerContextOf, CurrentCaller, type Caller } from '@dw/platform';
import { yearMonth } from '../../domain/statement-period';
import { IssuedStatementsResponseDto } from '../../queries/statements/statement.response.dto';
import { IssueStatementsCommandHandler } from './issue-statements.command-handler';
import { IssueStatementsRequestDto } from './issue-statements.request.dto';

/** A manager issues a party's statements on demand, without waiting for the period-end run; idempotent. */
@Controller('statements')
export class IssueStatementsHttpController {
  constructor(
    @Inject(IssueStatementsCommandHandler) private readonly handler: IssueStatementsCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('manager')
  @ApiOkResponse({ type: IssuedStatementsResponseDto, description: 'the statements issued (none when every one through the month was issued already)' })
  async issue(@Body() body: IssueStatementsRequestDto, @CurrentCaller() caller: Caller): Promise<IssuedStatementsResponseDto> {
    const { actor, metadata } = callerContextOf(caller, this.clock, ['manager']);
    const issued = await this.handler.issueFor(body.partyId, yearMonth(body.period), actor, metadata);
    return { issued: issued.map((event) => event.data.statementId) };
  }
}
