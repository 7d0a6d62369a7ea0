import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { ScanPieceCommandHandler } from './scan-piece.command-handler';
import { ScanPieceRequestDto } from './scan-piece.request.dto';
import { ScanPieceResponseDto } from './scan-piece.response.dto';

/** A handheld scan of a piece arriving under an inbound order (unload and tally). */
@Controller('inbound-orders')
export class ScanPieceHttpController {
  constructor(private readonly handler: ScanPieceCommandHandler) {}

  @Post(':orderId/scans')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: ScanPieceResponseDto, description: 'scanned into the order’s lot' })
  scan(@Param('orderId') orderId: string, @Body() body: ScanPieceRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(orderId, { barcode: body.barcode, kind: body.kind, productionDate: body.productionDate }, caller);
  }
}
