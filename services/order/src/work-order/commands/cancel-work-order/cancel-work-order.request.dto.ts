import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CancelWorkOrderRequestDto {
  @ApiProperty({
    maxLength: 500,
    example: 'depositor withdrew the notice',
    description: 'why the order is cancelled, kept in its history; refused once a step that moves goods is recorded (409 CANCEL_AFTER_GOODS_MOVED)',
  })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
