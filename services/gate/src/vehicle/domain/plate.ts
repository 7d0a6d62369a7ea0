import { normalisedPlate, refuse } from '@dw/kernel';

/** Refuses anything but a mainland plate number; returns it upper-cased without spaces, as cameras and guards may write it either way. */
export function requirePlate(value: string, field: string): string {
  // rule GATE-PLATE-FORMAT
  const plate = normalisedPlate(value);
  if (plate === null) throw refuse.invalid('PLATE_NUMBER_INVALID', `${field} is not a mainland plate number`, field, { plate: value });
  return plate;
}
