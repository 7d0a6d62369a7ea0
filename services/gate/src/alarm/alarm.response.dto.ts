import { ApiProperty } from '@nestjs/swagger';
import { ALARM_GRADES, ALARM_KINDS } from './domain/alarm-thresholds';

/** An alarm raised (or none) from a detection. */
export class RaisedAlarmResponseDto {
  @ApiProperty({ type: String, description: 'the alarm' })
  alarmId!: string;

  @ApiProperty({ enum: ALARM_KINDS, description: 'what it is about' })
  kind!: string;

  @ApiProperty({ enum: ALARM_GRADES, description: 'yellow, orange or red by the thresholds' })
  grade!: string;
}

/** What a detection raised: nothing below yellow, otherwise one alarm per kind reached. */
export class DetectionResponseDto {
  @ApiProperty({ type: () => RaisedAlarmResponseDto, isArray: true, description: 'the alarms raised; empty when every value is below its yellow threshold' })
  alarms!: RaisedAlarmResponseDto[];
}

/** An alarm in the loop, with who did each step and when. */
export class AlarmResponseDto {
  @ApiProperty({ type: String, description: 'the alarm' })
  alarmId!: string;

  @ApiProperty({ enum: ALARM_KINDS, description: 'what it is about' })
  kind!: string;

  @ApiProperty({ enum: ALARM_GRADES, description: 'its grade' })
  grade!: string;

  @ApiProperty({ enum: ['alerted', 'acknowledged', 'handled', 'closed'], description: 'where it is in the loop' })
  status!: string;

  @ApiProperty({ type: String, description: 'the device or the refused visit' })
  source!: string;

  @ApiProperty({ type: String, description: 'the gate, road section or storage location' })
  location!: string;

  @ApiProperty({ type: String, description: 'the plate or the commodity' })
  subject!: string;

  @ApiProperty({ type: 'integer', description: 'the value measured, in its unit (0 for a refusal)' })
  measured!: number;

  @ApiProperty({ type: 'integer', description: 'the threshold of its grade' })
  threshold!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was detected' })
  detectedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was raised and alerted' })
  alertedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'who acknowledged it' })
  acknowledgedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when it was acknowledged' })
  acknowledgedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'who handled it' })
  handledBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when it was handled' })
  handledAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'what was done' })
  handlingNote!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'who closed it' })
  closedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when it was closed' })
  closedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the closing note (empty when none was given); null while open' })
  closingNote!: string | null;
}
