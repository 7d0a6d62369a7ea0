import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ApproveIssuanceRequestDto {
  /** The exchange's own reference for its approval (its 审批 number). */
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'SHFE-2025-0042',
    description: 'the exchange’s own reference for its approval (its 审批 number), recorded with the approval',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  approvalReference!: string;
}
