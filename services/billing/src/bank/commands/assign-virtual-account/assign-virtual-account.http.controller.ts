import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { Roles, CurrentCaller, type Caller } from '@dw/platform';
import { AssignVirtualAccountCommandHandler } from './assign-virtual-account.command-handler';
import { AssignVirtualAccountRequestDto } from './assign-virtual-account.request.dto';
import { VirtualAccountResponseDto } from './assign-virtual-account.response.dto';

@Controller('virtual-accounts')
export class AssignVirtualAccountHttpController {
  constructor(@Inject(AssignVirtualAccountCommandHandler) private readonly handler: AssignVirtualAccountCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: VirtualAccountResponseDto, description: 'assigned: the party’s virtual account number at the bank' })
  assign(@Body() body: AssignVirtualAccountRequestDto, @CurrentCaller() caller: Caller): Promise<VirtualAccountResponseDto> {
    return this.handler.execute(body, caller);
  }
}
