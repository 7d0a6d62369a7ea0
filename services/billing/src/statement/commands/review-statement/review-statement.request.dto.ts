import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';

export class ObjectToStatementRequestDto {
  @ApiProperty({ type: String, maxLength: 2000, description: 'what the depositor disputes' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class ResolveObjectionRequestDto {
  @ApiProperty({ type: String, maxLength: 2000, description: 'the warehouse’s answer to the objection' })
  @IsString()
  @MaxLength(2000)
  note!: string;

  @ApiProperty({
    type: Boolean,
    description: 'reissue the statement as a new version with the corrections recorded since (fee reversals); only the latest statement',
  })
  @IsBoolean()
  reissue!: boolean;
}
