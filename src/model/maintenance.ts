/**
 * When AKS's automatic channels may act on a cluster: its planned maintenance configurations (REST spec 2026-04-01,
 * `MaintenanceConfigurationProperties`). The auto-upgrade channel keeps to `aksManagedAutoUpgradeSchedule` and the
 * node OS channel to `aksManagedNodeOSUpgradeSchedule` (AKS docs, "Use Planned Maintenance to schedule and control
 * upgrades"); without its window a channel may act at any time.
 */

export type WeekDay = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';

/** `MaintenanceWindow`: exactly one kind of schedule; `startTime` (HH:mm) at `utcOffset` (+hh:mm), for `durationHours`. */
export interface MaintenanceWindow {
    readonly schedule: {
        readonly daily?: { readonly intervalDays: number };
        readonly weekly?: { readonly intervalWeeks: number; readonly dayOfWeek: WeekDay };
        readonly absoluteMonthly?: { readonly intervalMonths: number; readonly dayOfMonth: number };
        readonly relativeMonthly?: {
            readonly intervalMonths: number;
            readonly weekIndex: 'First' | 'Second' | 'Third' | 'Fourth' | 'Last';
            readonly dayOfWeek: WeekDay;
        };
    };
    readonly durationHours: number;
    readonly startTime: string;
    readonly utcOffset?: string;
    /** The window is inactive before this date (`yyyy-mm-dd`). */
    readonly startDate?: string;
    readonly notAllowedDates?: readonly { readonly start: string; readonly end: string }[];
}

export interface MaintenanceConfiguration {
    readonly name: string;
    readonly maintenanceWindow?: MaintenanceWindow;
}

/** The configuration each automatic channel keeps to. */
export const CHANNEL_SCHEDULES = {
    upgradeChannel: 'aksManagedAutoUpgradeSchedule',
    nodeOSUpgradeChannel: 'aksManagedNodeOSUpgradeSchedule',
} as const;

/** What a person is told of a channel's window: its next opening (UTC), or that it has none. */
export type ChannelWindow =
    | { readonly kind: 'window'; readonly start: Date; readonly end: Date; readonly config: string }
    /** A window whose next opening cannot be placed (every few days, weeks or months with no start date to count from). */
    | { readonly kind: 'recurring'; readonly config: string }
    | { readonly kind: 'anyTime'; readonly config: string };

const DAYS: readonly WeekDay[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

/** The channel's window among the cluster's configurations, and when it next opens after `now`. */
export function channelWindow(
    setting: keyof typeof CHANNEL_SCHEDULES,
    configurations: readonly MaintenanceConfiguration[],
    now: Date,
): ChannelWindow {
    const config = CHANNEL_SCHEDULES[setting];
    const window = configurations.find((c) => c.name.toLowerCase() === config.toLowerCase())?.maintenanceWindow;
    if (!window) {
        return { kind: 'anyTime', config };
    }
    const start = nextWindowStart(window, now);
    return start
        ? { kind: 'window', start, end: new Date(start.getTime() + window.durationHours * 3_600_000), config }
        : { kind: 'recurring', config };
}

/**
 * The next time the window opens, or is open, at or after `now` (a window open now counts, from its start). Placed
 * only where the schedule fixes it: an interval of 1, or a longer one counted from `startDate`; dates in
 * `notAllowedDates` and before `startDate` are skipped.
 */
export function nextWindowStart(window: MaintenanceWindow, now: Date): Date | undefined {
    const offsetMs = parseOffset(window.utcOffset ?? '+00:00');
    const time = /^(\d{2}):(\d{2})$/.exec(window.startTime);
    if (offsetMs === undefined || !time) {
        return undefined;
    }
    const startMs = (Number(time[1]) * 60 + Number(time[2])) * 60_000;
    const anchor = window.startDate ? Date.parse(`${window.startDate}T00:00:00Z`) : undefined;
    const interval = intervalOf(window);
    if (interval > 1 && anchor === undefined) {
        return undefined;
    }
    // Days are the window's local days (at its UTC offset); at most a little over a year is searched.
    const localToday = Math.floor((now.getTime() + offsetMs) / DAY_MS) * DAY_MS;
    for (let day = localToday - DAY_MS; day < localToday + 400 * DAY_MS; day += DAY_MS) {
        const date = new Date(day);
        if ((anchor !== undefined && day < anchor) || !occursOn(window, date, anchor) || notAllowed(window, date)) {
            continue;
        }
        const opens = day + startMs - offsetMs;
        if (opens + window.durationHours * 3_600_000 > now.getTime()) {
            return new Date(opens);
        }
    }
    return undefined;
}

function intervalOf(window: MaintenanceWindow): number {
    const s = window.schedule;
    return s.daily?.intervalDays ?? s.weekly?.intervalWeeks ?? s.absoluteMonthly?.intervalMonths ?? s.relativeMonthly?.intervalMonths ?? 1;
}

/** Whether the schedule's kind falls on this (local) day, counting intervals from `anchor` when longer than 1. */
function occursOn(window: MaintenanceWindow, date: Date, anchor: number | undefined): boolean {
    const s = window.schedule;
    const days = anchor === undefined ? 0 : Math.round((date.getTime() - anchor) / DAY_MS);
    const months =
        anchor === undefined
            ? 0
            : (date.getUTCFullYear() - new Date(anchor).getUTCFullYear()) * 12 + date.getUTCMonth() - new Date(anchor).getUTCMonth();
    if (s.daily) {
        return days % s.daily.intervalDays === 0;
    }
    if (s.weekly) {
        return DAYS[date.getUTCDay()] === s.weekly.dayOfWeek && Math.floor(days / 7) % s.weekly.intervalWeeks === 0;
    }
    if (s.absoluteMonthly) {
        return date.getUTCDate() === s.absoluteMonthly.dayOfMonth && months % s.absoluteMonthly.intervalMonths === 0;
    }
    if (s.relativeMonthly) {
        const r = s.relativeMonthly;
        if (DAYS[date.getUTCDay()] !== r.dayOfWeek || months % r.intervalMonths !== 0) {
            return false;
        }
        const nth = Math.floor((date.getUTCDate() - 1) / 7);
        const last = date.getUTCDate() + 7 > new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
        return r.weekIndex === 'Last' ? last : ['First', 'Second', 'Third', 'Fourth'].indexOf(r.weekIndex) === nth;
    }
    return false;
}

function notAllowed(window: MaintenanceWindow, date: Date): boolean {
    const day = date.toISOString().slice(0, 10);
    return (window.notAllowedDates ?? []).some((span) => span.start <= day && day <= span.end);
}

/** `+05:30` → milliseconds east of UTC. */
function parseOffset(offset: string): number | undefined {
    const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : undefined;
}
