import { Type } from 'class-transformer';
import { IsString, MaxLength, ValidateNested } from 'class-validator';
import { WorkflowKeyDto } from '../publish-workflow/publish-workflow.request.dto';

export class WithdrawWorkflowRequestDto {
  @ValidateNested()
  @Type(() => WorkflowKeyDto)
  key!: WorkflowKeyDto;

  @IsString()
  @MaxLength(500)
  reason!: string;
}
