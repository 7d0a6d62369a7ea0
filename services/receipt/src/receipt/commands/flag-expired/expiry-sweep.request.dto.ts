import { IsOptional, IsString, Matches } from 'class-validator';

export class ExpirySweepRequestDto {
  /** The Shanghai date to sweep as of; today by default, never later. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}
