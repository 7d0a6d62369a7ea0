import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class UnmapClientAliasRequestDto {
  @ApiProperty({ description: "the client whose naming this is (a depositor's storage card or party id)" })
  @IsString()
  @MaxLength(64)
  client!: string;

  @ApiProperty({ example: '沙钢螺纹20' })
  @IsString()
  @MaxLength(200)
  alias!: string;
}

export class MapClientAliasRequestDto extends UnmapClientAliasRequestDto {
  @ApiProperty({ description: 'the standard commodity code the alias means' })
  @IsString()
  @MaxLength(40)
  code!: string;
}
