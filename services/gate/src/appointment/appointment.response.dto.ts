import { ApiProperty } from '@nestjs/swagger';

/** An appointment: a vehicle and driver expected at a gate in a period, under a work order. */
export class AppointmentResponseDto {
  @ApiProperty({ type: String, description: '<orderId>-A<n>, the order’s n-th appointment' })
  appointmentId!: string;

  @ApiProperty({ type: String, description: 'the work order' })
  orderId!: string;

  @ApiProperty({ enum: ['pickup', 'delivery'], description: 'pickup under an outbound order, delivery under an inbound one' })
  purpose!: string;

  @ApiProperty({ type: String, description: 'the vehicle' })
  plate!: string;

  @ApiProperty({ type: String, description: 'the driver’s name' })
  driverName!: string;

  @ApiProperty({ type: String, description: 'the gate' })
  gate!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the day (Shanghai)' })
  date!: string;

  @ApiProperty({ type: String, description: 'the period, HH:MM-HH:MM' })
  period!: string;

  @ApiProperty({ enum: ['booked', 'arrived', 'no_show', 'closed'], description: 'booked until the vehicle arrives, misses its slot or the order closes' })
  status!: string;
}
