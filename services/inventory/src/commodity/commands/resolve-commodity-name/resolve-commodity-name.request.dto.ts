import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ResolveCommodityNameRequestDto {
  @ApiProperty({ maxLength: 64, example: 'SC000042', description: 'whose naming: the alias table of this client is tried first (a storage card or party id)' })
  @IsString()
  @MaxLength(64)
  client!: string;

  @ApiProperty({ maxLength: 200, example: '沙钢螺纹20', description: 'the name as the client wrote it' })
  @IsString()
  @MaxLength(200)
  name!: string;
}
