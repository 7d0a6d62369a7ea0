import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { RecordInspectionCommandHandler } from './record-inspection.command-handler';
import { LotChangeResponseDto } from '../lot-change.response.dto';
import { RecordInspectionRequestDto } from './record-inspection.request.dto';

/** Records the inspection of a lot; a pass completes the order's inspect step, a fail leaves the lot to be rejected. */
@Controller('lots')
export class RecordInspectionHttpController {
  constructor(private readonly handler: RecordInspectionCommandHandler) {}

  @Post(':lotId/inspections')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: LotChangeResponseDto, description: 'inspection recorded' })
  inspect(@Param('lotId') lotId: string, @Body() body: RecordInspectionRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(lotId, { reportRef: body.reportRef, result: body.result }, caller);
  }
}
