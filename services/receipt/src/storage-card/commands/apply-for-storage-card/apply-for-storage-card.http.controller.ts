import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ApplyForStorageCardRequestDto } from './apply-for-storage-card.request.dto';
import { ApplyForStorageCardCommandHandler } from './apply-for-storage-card.command-handler';
import { ApplyForStorageCardResponseDto } from './apply-for-storage-card.response.dto';

@Controller('storage-cards')
export class ApplyForStorageCardHttpController {
  constructor(@Inject(ApplyForStorageCardCommandHandler) private readonly handler: ApplyForStorageCardCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: ApplyForStorageCardResponseDto, description: 'applied: the card waits for staff approval' })
  async apply(
    @Body() body: ApplyForStorageCardRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ApplyForStorageCardResponseDto> {
    const { cardNumber, version } = await this.handler.execute(caller, body.holderName);
    setETag(response, version);
    response.setHeader('Location', `/storage-cards/${cardNumber}`);
    return { cardNumber, status: 'applied', version };
  }
}
