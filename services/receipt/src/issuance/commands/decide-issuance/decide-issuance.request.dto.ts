import { IsString, MaxLength, MinLength } from 'class-validator';

export class ApproveIssuanceRequestDto {
  /** The exchange's own reference for its approval (its 审批 number). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  approvalReference!: string;
}
