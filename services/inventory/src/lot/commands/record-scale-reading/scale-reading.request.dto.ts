import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { WeighingRequestDto } from './weighing.request.dto';

/** What a scale posts: the reading and the lot it weighed for (the scale id is the signing device). */
export class ScaleReadingRequestDto extends WeighingRequestDto {
  @ApiProperty({ maxLength: 100, example: 'lot-0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10', description: 'the lot weighed: lot-<inbound order id>' })
  @IsString()
  @MaxLength(100)
  lotId!: string;
}
