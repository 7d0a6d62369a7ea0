import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { DetectionResponseDto } from '../../alarm.response.dto';
import { DetectionCommandHandler } from './detection.command-handler';
import { EnvironmentReadingRequestDto, TrafficDetectionRequestDto } from './detect.dto';

/**
 * Road cameras (speeding, illegal parking) and temperature and humidity sensors post here, each a
 * signed integration client with role `device`: unsigned, stale or replayed calls are refused
 * before they are read, and the device is the signer.
 */
@Controller('integration/gate')
@IntegrationApi()
@Roles('device')
export class DetectionHttpController {
  constructor(@Inject(DetectionCommandHandler) private readonly handler: DetectionCommandHandler) {}

  @Post('traffic-detections')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: DetectionResponseDto, description: 'the alarm raised, graded by the thresholds; none below yellow' })
  traffic(@Body() body: TrafficDetectionRequestDto, @CurrentCaller() caller: Caller): Promise<DetectionResponseDto> {
    return this.handler.traffic(body, caller);
  }

  @Post('environment-readings')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: DetectionResponseDto, description: 'the temperature and humidity alarms raised, graded by the commodity’s thresholds' })
  environment(@Body() body: EnvironmentReadingRequestDto, @CurrentCaller() caller: Caller): Promise<DetectionResponseDto> {
    return this.handler.environment(body, caller);
  }
}
