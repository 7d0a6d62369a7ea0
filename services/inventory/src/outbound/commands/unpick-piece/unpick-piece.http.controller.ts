import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { UnpickPieceCommandHandler } from './unpick-piece.command-handler';
import { UnpickPieceRequestDto } from './unpick-piece.request.dto';
import { UnpickPieceResponseDto } from './unpick-piece.response.dto';

/**
 * A handheld scan of a picked piece going back to stock before its load leaves, with the reason
 * (rule INV-UNPICK-BEFORE-LOAD-OUT): PIECE_NOT_PICKED, PIECE_NOT_OF_ORDER or PIECE_ALREADY_SHIPPED
 * (409) when the piece is not on this order's load being prepared.
 */
@Controller('outbound-orders')
export class UnpickPieceHttpController {
  constructor(@Inject(UnpickPieceCommandHandler) private readonly handler: UnpickPieceCommandHandler) {}

  @Post(':orderId/unpicks')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: UnpickPieceResponseDto, description: 'returned to stock: no longer on the load, free to be picked again' })
  unpick(@Param('orderId') orderId: string, @Body() body: UnpickPieceRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(orderId, body.barcode, body.reason, caller);
  }
}
