import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { WorkflowKeyDto } from '../publish-workflow/publish-workflow.request.dto';
import { Nested } from '@dw/platform';

export class WithdrawWorkflowRequestDto {
  @ApiProperty({
    type: () => WorkflowKeyDto,
    description:
      'the specific workflow withdrawn: new orders fall back to the broader one, opened orders keep theirs; a type’s default {type, *, *} is never withdrawn (publish a new version instead)',
  })
  @Nested(() => WorkflowKeyDto)
  key!: WorkflowKeyDto;

  @ApiProperty({
    maxLength: 500,
    example: 'rail deliveries of rebar follow the standard inbound flow again',
    description: 'why the workflow is withdrawn, kept with it',
  })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
