import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@dw/platform';
import { LotCommandHandler } from '../../lot.command-handler';
import { ScanPieceRequestDto } from './scan-piece.request.dto';

/** A handheld scan of a piece arriving under an inbound order (unload and tally). */
@Controller('inbound-orders')
export class ScanPieceHttpController {
  constructor(private readonly lots: LotCommandHandler) {}

  @Post(':orderId/scans')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  scan(@Param('orderId') orderId: string, @Body() body: ScanPieceRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.lots.scan(orderId, { barcode: body.barcode, kind: body.kind, productionDate: body.productionDate }, principal);
  }
}
