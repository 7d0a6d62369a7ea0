import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Roles, CurrentCaller, type Caller } from '@dw/platform';
import { StatementBreakResponseDto } from '../submit-bank-statement/submit-bank-statement.response.dto';
import { ResolveReconciliationBreakCommandHandler } from './resolve-reconciliation-break.command-handler';
import { ResolveReconciliationBreakRequestDto } from './resolve-reconciliation-break.request.dto';

@Controller('reconciliation-breaks/:breakId')
export class ResolveReconciliationBreakHttpController {
  constructor(@Inject(ResolveReconciliationBreakCommandHandler) private readonly handler: ResolveReconciliationBreakCommandHandler) {}

  @Post('resolve')
  @HttpCode(200)
  @Roles('manager')
  @ApiOkResponse({ type: StatementBreakResponseDto, description: 'resolved: the alarm is closed (ReconciliationBreakResolved)' })
  resolve(
    @Param('breakId') breakId: string,
    @Body() body: ResolveReconciliationBreakRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<StatementBreakResponseDto> {
    return this.handler.execute(breakId, body, caller);
  }
}
