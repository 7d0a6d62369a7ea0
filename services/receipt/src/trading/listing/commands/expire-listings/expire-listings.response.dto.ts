import { ApiProperty } from '@nestjs/swagger';

export class ExpireListingsResponseDto {
  @ApiProperty({ type: String, isArray: true, description: 'the listings this run closed as expired (their day’s sessions were over)' })
  expired!: string[];
}
