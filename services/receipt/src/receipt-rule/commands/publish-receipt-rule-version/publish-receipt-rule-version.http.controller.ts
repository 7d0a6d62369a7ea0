import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation, expectedVersionOf } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { PublishReceiptRuleVersionCommandHandler } from './publish-receipt-rule-version.command-handler';
import { PublishReceiptRuleVersionRequestDto } from './publish-receipt-rule-version.request.dto';
import { PublishReceiptRuleVersionResponseDto } from './publish-receipt-rule-version.response.dto';

@Controller('receipt-rules/:commodity/versions')
export class PublishReceiptRuleVersionHttpController {
  constructor(@Inject(PublishReceiptRuleVersionCommandHandler) private readonly handler: PublishReceiptRuleVersionCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({
    type: PublishReceiptRuleVersionResponseDto,
    description: 'published: the version number it got; the commodity’s stream version is the ETag',
  })
  async publish(
    @Param('commodity') commodity: string,
    @Body() body: PublishReceiptRuleVersionRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PublishReceiptRuleVersionResponseDto> {
    const result = await this.handler.execute(commodity, body, caller, expectedVersionOf(expected));
    setETag(response, result.streamVersion);
    return { commodity, version: result.version, effectiveFrom: body.effectiveFrom };
  }
}
