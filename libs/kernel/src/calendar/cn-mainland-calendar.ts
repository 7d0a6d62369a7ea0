import { BusinessCalendar } from './business-calendar';
import type { CalendarData } from './calendar-data';
import bundled from './cn-mainland.calendar.json';

/**
 * Mainland China's holidays as this code was shipped with them (2025 and 2026). They seed the
 * calendar stream of a service's log the first time it starts; later years are published at run
 * time (see calendar-publication.decider.ts), never added here, so that a rebuild reads the
 * calendar the live system read.
 */
export const cnMainlandCalendarData: CalendarData = bundled;

/** The bundled years alone, validated at load: for tests and tools that need no log. */
export const cnMainlandCalendar = new BusinessCalendar(cnMainlandCalendarData);
