import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class UnmapClientAliasRequestDto {
  @ApiProperty({ maxLength: 64, example: 'SC000042', description: "the client whose naming this is (a depositor's storage card or party id)" })
  @IsString()
  @MaxLength(64)
  client!: string;

  @ApiProperty({
    maxLength: 200,
    example: '沙钢螺纹20',
    description: 'the name the client writes for the goods, as it writes it (matched after NFKC, case and whitespace normalisation)',
  })
  @IsString()
  @MaxLength(200)
  alias!: string;
}

export class MapClientAliasRequestDto extends UnmapClientAliasRequestDto {
  @ApiProperty({ maxLength: 40, example: 'rb-400e-20-sg', description: 'the standard commodity code the alias means' })
  @IsString()
  @MaxLength(40)
  code!: string;
}
