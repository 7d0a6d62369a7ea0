import { BusinessCalendar } from './business-calendar';
import cnMainlandCalendarData from './cn-mainland.calendar.json';

/**
 * Mainland China's working and trading days from the bundled data file. Loading validates the
 * file, so a malformed edit fails when the process starts, not on the first pickup request.
 */
export const cnMainlandCalendar = new BusinessCalendar(cnMainlandCalendarData);
