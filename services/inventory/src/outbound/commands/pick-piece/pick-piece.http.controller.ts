import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { OutboundCommandHandler } from '../../outbound.command-handler';
import { PickPieceRequestDto } from './pick-piece.request.dto';
import { PickPieceResponseDto } from './pick-piece.response.dto';

/** A handheld scan of a piece picked for the next load under an outbound order. */
@Controller('outbound-orders')
export class PickPieceHttpController {
  constructor(private readonly outbound: OutboundCommandHandler) {}

  @Post(':orderId/picks')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: PickPieceResponseDto, description: 'picked for the next load' })
  pick(@Param('orderId') orderId: string, @Body() body: PickPieceRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.outbound.pick(orderId, body.barcode, principal);
  }
}
