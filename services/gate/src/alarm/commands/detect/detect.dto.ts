import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { StrictInt } from '@dw/platform';
import { MONITORED_COMMODITIES } from '../../domain/alarm-thresholds';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A speeding or illegal-parking detection by a road camera. */
export class TrafficDetectionRequestDto {
  @ApiProperty({ type: String, maxLength: 64, description: 'the device’s own id of the detection: one alarm per detection' })
  @IsString()
  @MaxLength(64)
  @Matches(ID, { message: 'detectionId must be 1-64 letters, digits, ".", "_" or "-"' })
  detectionId!: string;

  @ApiProperty({ enum: ['speeding', 'illegal_parking'], description: 'what was detected' })
  @IsIn(['speeding', 'illegal_parking'])
  kind!: 'speeding' | 'illegal_parking';

  @ApiProperty({ type: String, maxLength: 64, description: 'the road section or lane' })
  @IsString()
  @MaxLength(64)
  location!: string;

  @ApiProperty({ type: String, maxLength: 16, description: 'the vehicle’s plate as read' })
  @IsString()
  @MaxLength(16)
  plate!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 300, description: 'speeding: the speed measured, km/h' })
  @IsOptional()
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(300)
  speedKmh?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10080, description: 'illegal parking: minutes stopped' })
  @IsOptional()
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(10080)
  parkedMinutes?: number;

  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, description: 'when the device detected it (ISO-8601 with a zone)' })
  @IsString()
  @MaxLength(40)
  detectedAt!: string;
}

/** A temperature and humidity reading in a rubber or pulp store. */
export class EnvironmentReadingRequestDto {
  @ApiProperty({ type: String, maxLength: 64, description: 'the sensor’s own id of the reading' })
  @IsString()
  @MaxLength(64)
  @Matches(ID, { message: 'readingId must be 1-64 letters, digits, ".", "_" or "-"' })
  readingId!: string;

  @ApiProperty({ type: String, maxLength: 64, description: 'the storage location' })
  @IsString()
  @MaxLength(64)
  location!: string;

  @ApiProperty({ enum: MONITORED_COMMODITIES, description: 'what is stored there: rubber or pulp' })
  @IsIn(MONITORED_COMMODITIES)
  commodity!: string;

  @ApiProperty({ type: 'integer', minimum: -500, maximum: 1000, description: 'temperature in tenths of a degree Celsius (31.5 °C is 315)' })
  @StrictInt()
  @IsInt()
  @Min(-500)
  @Max(1000)
  temperatureTenthsC!: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1000, description: 'relative humidity in tenths of a percent (72.5 % is 725)' })
  @StrictInt()
  @IsInt()
  @Min(0)
  @Max(1000)
  humidityTenthsPct!: number;

  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, description: 'when the sensor read it (ISO-8601 with a zone)' })
  @IsString()
  @MaxLength(40)
  readAt!: string;
}
