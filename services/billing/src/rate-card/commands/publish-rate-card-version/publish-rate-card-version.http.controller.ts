import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation, expectedVersionOf, CurrentCaller, type Caller } from '@dw/platform';
import { PublishRateCardVersionCommandHandler } from './publish-rate-card-version.command-handler';
import { PublishRateCardVersionRequestDto } from './publish-rate-card-version.request.dto';
import { PublishRateCardVersionResponseDto } from './publish-rate-card-version.response.dto';

const CREATED = 'published: the version number it got; the card’s stream version is the ETag (send it as If-Match to publish only over what was read)';

@Controller()
export class PublishRateCardVersionHttpController {
  constructor(@Inject(PublishRateCardVersionCommandHandler) private readonly handler: PublishRateCardVersionCommandHandler) {}

  /** A version of the warehouse's published default rate card. */
  @Post('rate-cards/default/versions')
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: PublishRateCardVersionResponseDto, description: CREATED })
  publishDefault(
    @Body() body: PublishRateCardVersionRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PublishRateCardVersionResponseDto> {
    return this.publish(null, body, caller, expected, response);
  }

  /** A version of one depositor's contract (keyed by its party, as storage cards and tokens name it). */
  @Post('contracts/:partyId/versions')
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: PublishRateCardVersionResponseDto, description: CREATED })
  publishContract(
    @Param('partyId') partyId: string,
    @Body() body: PublishRateCardVersionRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PublishRateCardVersionResponseDto> {
    return this.publish(partyId, body, caller, expected, response);
  }

  private async publish(
    partyId: string | null,
    body: PublishRateCardVersionRequestDto,
    caller: Caller,
    expected: IfMatchExpectation | undefined,
    response: ServerResponse,
  ): Promise<PublishRateCardVersionResponseDto> {
    const { published, streamVersion } = await this.handler.execute(partyId, body, caller, expectedVersionOf(expected));
    setETag(response, streamVersion);
    return { partyId: published.partyId, version: published.version, effectiveFrom: published.effectiveFrom };
  }
}
