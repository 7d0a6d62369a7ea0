import { IsString, MaxLength, MinLength } from 'class-validator';

export class ApplyForStorageCardRequestDto {
  /** The depositor's registered name, as it will be checked in every title transfer. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  holderName!: string;
}
