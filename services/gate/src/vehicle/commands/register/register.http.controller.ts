import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { DriverResponseDto, VehicleResponseDto } from '../../vehicle.response.dto';
import { VehicleCommandHandler } from '../vehicle.command-handler';
import { RegisterDriverRequestDto, RegisterVehicleRequestDto } from './vehicle.dto';

/** Managers register the warehouse's vehicles in their classes, and drivers (managers or guards at the gatehouse). */
@Controller()
export class RegisterHttpController {
  constructor(@Inject(VehicleCommandHandler) private readonly handler: VehicleCommandHandler) {}

  @Post('vehicles')
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: VehicleResponseDto, description: 'registered in its class' })
  registerVehicle(@Body() body: RegisterVehicleRequestDto, @CurrentCaller() caller: Caller): Promise<VehicleResponseDto> {
    return this.handler.registerVehicle(body, caller);
  }

  @Post('drivers')
  @HttpCode(201)
  @Roles('manager', 'gate_guard')
  @ApiCreatedResponse({ type: DriverResponseDto, description: 'registered' })
  registerDriver(@Body() body: RegisterDriverRequestDto, @CurrentCaller() caller: Caller): Promise<DriverResponseDto> {
    return this.handler.registerDriver(body, caller);
  }
}
