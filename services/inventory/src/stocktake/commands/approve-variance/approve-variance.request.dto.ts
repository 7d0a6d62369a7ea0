import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ApproveVarianceRequestDto {
  @ApiProperty({
    maxLength: 1000,
    example: 'bundle confirmed missing after a second search of rows 1–3; written off against the insurer’s claim 2025-17',
    description: 'why the manager approves the change to the book (a write-off, or a weight typed by hand)',
  })
  @IsString()
  @MaxLength(1000)
  reason!: string;
}
