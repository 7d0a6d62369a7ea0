import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ApplyForStorageCardRequestDto {
  /** The depositor's registered name, as it will be checked in every title transfer. */
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: '上海恒达钢铁贸易有限公司',
    description: 'the depositor’s registered name, as it will be checked in every title transfer; the card is applied for in the caller’s own party',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  holderName!: string;
}
