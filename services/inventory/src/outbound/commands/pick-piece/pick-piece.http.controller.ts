import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { PickPieceCommandHandler } from './pick-piece.command-handler';
import { PickPieceRequestDto } from './pick-piece.request.dto';
import { PickPieceResponseDto } from './pick-piece.response.dto';

/** A handheld scan of a piece picked for the next load under an outbound order. */
@Controller('outbound-orders')
export class PickPieceHttpController {
  constructor(@Inject(PickPieceCommandHandler) private readonly handler: PickPieceCommandHandler) {}

  @Post(':orderId/picks')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: PickPieceResponseDto, description: 'picked for the next load' })
  pick(@Param('orderId') orderId: string, @Body() body: PickPieceRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(orderId, body.barcode, caller);
  }
}
