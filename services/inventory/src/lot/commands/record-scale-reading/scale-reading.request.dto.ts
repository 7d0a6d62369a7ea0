import { IsString, MaxLength } from 'class-validator';
import { WeighingRequestDto } from './weighing.request.dto';

/** What a scale posts: the reading and the lot it weighed for (the scale id is the signing device). */
export class ScaleReadingRequestDto extends WeighingRequestDto {
  @IsString()
  @MaxLength(100)
  lotId!: string;
}
