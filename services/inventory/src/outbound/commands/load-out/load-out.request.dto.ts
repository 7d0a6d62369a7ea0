import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class LoadOutRequestDto {
  @ApiPropertyOptional({
    maxLength: 40,
    example: '沪A12345',
    description: 'the vehicle the load leaves on (e.g. its plate number); defaults to the vehicle of the scale reading',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  vehicle?: string;
}
