import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentActing, type Acting } from '../../../common/http/acting';
import { ApplyForStorageCardRequestDto } from './apply-for-storage-card.request.dto';
import { ApplyForStorageCardCommandHandler } from './apply-for-storage-card.command-handler';

@Controller('storage-cards')
export class ApplyForStorageCardHttpController {
  constructor(@Inject(ApplyForStorageCardCommandHandler) private readonly handler: ApplyForStorageCardCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  async apply(@Body() body: ApplyForStorageCardRequestDto, @CurrentActing() acting: Acting, @Res({ passthrough: true }) response: ServerResponse) {
    const { cardNumber, version } = await this.handler.execute(acting, body.holderName);
    setETag(response, version);
    response.setHeader('Location', `/storage-cards/${cardNumber}`);
    return { cardNumber, status: 'applied', version };
  }
}
