import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RejectWithdrawalRequestDto {
  @ApiProperty({
    type: String,
    maxLength: 500,
    example: 'the payee is not the depositor',
    description: 'why the warehouse does not pay it out (told to the depositor)',
  })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
