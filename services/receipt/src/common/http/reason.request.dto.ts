import { IsString, MaxLength, MinLength } from 'class-validator';

/** A decision that must say why (reject, suspend, close, withdraw, release). */
export class ReasonRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
