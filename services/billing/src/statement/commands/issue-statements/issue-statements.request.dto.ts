import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MinLength } from 'class-validator';

/** Issue a party's statements now, through a month that has ended. */
export class IssueStatementsRequestDto {
  @ApiProperty({ type: String, minLength: 1, example: 'P-HENGDA', description: 'the depositor party' })
  @IsString()
  @MinLength(1)
  partyId!: string;

  @ApiProperty({ type: String, example: '2026-10', description: 'the month to issue through (every earlier month not issued yet is issued first)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month YYYY-MM' })
  period!: string;
}
