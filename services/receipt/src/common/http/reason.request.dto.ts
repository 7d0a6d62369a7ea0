import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A decision that must say why (reject, suspend, close, withdraw, release). */
export class ReasonRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'documents incomplete', description: 'why: kept with the decision in the history' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
