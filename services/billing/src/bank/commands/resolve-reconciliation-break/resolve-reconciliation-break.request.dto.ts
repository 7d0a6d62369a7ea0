import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** What explains a break (a bank fee, a payment booked on the wrong day, a bank error it corrected). */
export class ResolveReconciliationBreakRequestDto {
  @ApiProperty({ maxLength: 1000, type: String, example: 'bank charge refund; booked by hand in entry J-2026-1207-3', description: 'what explains the break' })
  @IsString()
  @MaxLength(1000)
  resolution!: string;
}
