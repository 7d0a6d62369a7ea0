import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { DriverResponseDto, VehicleResponseDto } from '../../vehicle.response.dto';
import { BlacklistDriverRequestDto, BlacklistPlateRequestDto, LiftBlacklistingRequestDto } from '../register/vehicle.dto';
import { VehicleCommandHandler } from '../vehicle.command-handler';

/** A manager blacklists a plate or a driver's ID number, with a reason (neither is let in or booked again), and lifts a blacklisting with a reason. */
@Controller('blacklist')
@Roles('manager')
export class BlacklistHttpController {
  constructor(@Inject(VehicleCommandHandler) private readonly handler: VehicleCommandHandler) {}

  @Post('plates')
  @HttpCode(201)
  @ApiCreatedResponse({ type: VehicleResponseDto, description: 'the plate, now blacklisted' })
  plate(@Body() body: BlacklistPlateRequestDto, @CurrentCaller() caller: Caller): Promise<VehicleResponseDto> {
    return this.handler.blacklistPlate(body, caller);
  }

  @Post('drivers')
  @HttpCode(201)
  @ApiCreatedResponse({ type: DriverResponseDto, description: 'the driver, now blacklisted' })
  driver(@Body() body: BlacklistDriverRequestDto, @CurrentCaller() caller: Caller): Promise<DriverResponseDto> {
    return this.handler.blacklistDriver(body, caller);
  }

  @Post('plates/:plate/lift')
  @HttpCode(200)
  @ApiOkResponse({ type: VehicleResponseDto, description: 'the plate, no longer blacklisted (409 NOT_BLACKLISTED when it was not)' })
  liftPlate(@Param('plate') plate: string, @Body() body: LiftBlacklistingRequestDto, @CurrentCaller() caller: Caller): Promise<VehicleResponseDto> {
    return this.handler.liftPlateBlacklisting(plate, body, caller);
  }

  @Post('drivers/:residentIdNumber/lift')
  @HttpCode(200)
  @ApiOkResponse({ type: DriverResponseDto, description: 'the driver, no longer blacklisted (409 NOT_BLACKLISTED when not)' })
  liftDriver(
    @Param('residentIdNumber') residentIdNumber: string,
    @Body() body: LiftBlacklistingRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DriverResponseDto> {
    return this.handler.liftDriverBlacklisting(residentIdNumber, body, caller);
  }
}
