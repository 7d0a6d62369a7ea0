import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { ORDER_TYPES, STEP_CHECKS, type OrderType, type StepCheck } from '@dw/work-orders';
import { ANY, ARRIVAL_MODES, type ArrivalMode } from '../../domain/workflow-key';
import { Nested } from '@dw/platform';

/** What a workflow applies to: {type, commodity, mode}, {type, commodity, '*'} or the type's default {type, '*', '*'}. */
export class WorkflowKeyDto {
  @ApiProperty({ enum: ORDER_TYPES, description: 'the kind of work order the workflow is for' })
  @IsIn(ORDER_TYPES)
  orderType!: OrderType;

  @ApiProperty({ maxLength: 40, example: 'rb-400e-20-sg', description: "standard commodity code (without '/'), or '*' for any commodity" })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @ApiProperty({
    enum: [...ARRIVAL_MODES, ANY],
    description: "how goods arrive or leave, or '*' for any; '*' when the commodity is '*' (any commodity by one mode: 422 WORKFLOW_KEY_INVALID)",
  })
  @IsIn([...ARRIVAL_MODES, ANY])
  arrivalMode!: ArrivalMode | typeof ANY;
}

export class WorkflowStepDto {
  @ApiProperty({ maxLength: 40, example: 'weigh', description: 'the step’s code: lower_snake_case of at most 40 characters, each used once in the workflow' })
  @IsString()
  @MaxLength(40)
  code!: string;

  @ApiProperty({ maxLength: 200, example: 'Weigh on the electronic scale', description: 'the step’s name as people read it' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: STEP_CHECKS, description: 'the evidence the step must carry when recorded: scale reading ids, an inspection report, or none' })
  @IsIn(STEP_CHECKS)
  check!: StepCheck;

  @ApiProperty({ description: 'completion waits for the step; an optional step may be skipped, never done out of order' })
  @IsBoolean()
  required!: boolean;

  @ApiProperty({
    description:
      'the step changes where goods physically are (unloading, put-away, picking, loading, moving): once it is recorded the order can no longer be cancelled',
  })
  @IsBoolean()
  movesGoods!: boolean;
}

export class PublishWorkflowRequestDto {
  @ApiProperty({ type: () => WorkflowKeyDto, description: 'what the workflow applies to; publishing makes the next version of that workflow' })
  @Nested(() => WorkflowKeyDto)
  key!: WorkflowKeyDto;

  @ApiProperty({
    type: () => WorkflowStepDto,
    isArray: true,
    minItems: 1,
    maxItems: 40,
    description: 'the steps in the order they are done, ending with a required confirm by the order desk',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @Nested(() => WorkflowStepDto, { each: true })
  steps!: WorkflowStepDto[];
}
