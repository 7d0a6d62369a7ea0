import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { ORDER_TYPES, STEP_CHECKS, type OrderType, type StepCheck } from '@dw/work-orders';
import { ANY, ARRIVAL_MODES, type ArrivalMode } from '../../domain/workflow-key';
import { Nested } from '@dw/platform';

export class WorkflowKeyDto {
  @ApiProperty({ enum: ORDER_TYPES })
  @IsIn(ORDER_TYPES)
  orderType!: OrderType;

  @ApiProperty({ description: "standard commodity code, or '*' for any commodity" })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @ApiProperty({ enum: [...ARRIVAL_MODES, ANY] })
  @IsIn([...ARRIVAL_MODES, ANY])
  arrivalMode!: ArrivalMode | typeof ANY;
}

export class WorkflowStepDto {
  @IsString()
  @MaxLength(40)
  code!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: STEP_CHECKS })
  @IsIn(STEP_CHECKS)
  check!: StepCheck;

  @IsBoolean()
  required!: boolean;

  @IsBoolean()
  movesGoods!: boolean;
}

export class PublishWorkflowRequestDto {
  @Nested(() => WorkflowKeyDto)
  key!: WorkflowKeyDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @Nested(() => WorkflowStepDto, { each: true })
  steps!: WorkflowStepDto[];
}
