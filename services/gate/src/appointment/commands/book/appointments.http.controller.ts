import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { AppointmentResponseDto } from '../../appointment.response.dto';
import { AppointmentCommandHandler } from '../appointment.command-handler';
import { AppointmentSlotRequestDto, BookAppointmentRequestDto } from './appointment.dto';

/** A depositor (for its own orders) or a manager books vehicles into gate slots under a pickup or delivery order, and moves them. */
@Controller('appointments')
@Roles('manager', 'depositor')
export class AppointmentsHttpController {
  constructor(@Inject(AppointmentCommandHandler) private readonly handler: AppointmentCommandHandler) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: AppointmentResponseDto, description: 'booked: the slot’s place is held for the vehicle' })
  book(@Body() body: BookAppointmentRequestDto, @CurrentCaller() caller: Caller): Promise<AppointmentResponseDto> {
    return this.handler.book(body, caller);
  }

  @Post(':appointmentId/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentResponseDto, description: 'moved to the new slot (the old place is given back); the same slot again changes nothing' })
  reschedule(
    @Param('appointmentId') appointmentId: string,
    @Body() body: AppointmentSlotRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AppointmentResponseDto> {
    return this.handler.reschedule(appointmentId, body, caller);
  }
}
