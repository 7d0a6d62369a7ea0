import { IsString, MaxLength } from 'class-validator';

export class CancelWorkOrderRequestDto {
  @IsString()
  @MaxLength(500)
  reason!: string;
}
