import { IsString, MaxLength } from 'class-validator';
import { WorkflowKeyDto } from '../publish-workflow/publish-workflow.request.dto';
import { Nested } from '@dw/platform';

export class WithdrawWorkflowRequestDto {
  @Nested(() => WorkflowKeyDto)
  key!: WorkflowKeyDto;

  @IsString()
  @MaxLength(500)
  reason!: string;
}
