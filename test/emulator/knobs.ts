import type { ThrottlingKnobs } from './throttling';
import type { TokenKnobs } from './tokens';

/** The emulator's knobs: set at start, changeable while it runs (`POST /_emulator/knobs`). */
export interface Knobs extends ThrottlingKnobs, TokenKnobs {
    /** Added to every ARM answer, to model a distant region. */
    latencyMs: number;
    /** Items per page of every list. */
    pageSize: number;
    /** Status polls that answer InProgress before an operation ends. */
    operationPolls: number;
    /** When above 0, an operation also ends this many seconds after it started, polled or not. */
    operationSeconds: number;
    /** The `Retry-After` seconds sent with long operations; the Azure CLI waits 30 s per poll without it. */
    retryAfterSeconds: number;
    /** How long a Fleet update run takes to update one member cluster. */
    fleetMemberSeconds: number;
    /**
     * Where eTags are served and conditions honoured. `documented`: as the REST spec (2026-04-01) defines them,
     * `If-Match`/`If-None-Match` on managed cluster and agent pool writes only; snapshots carry no eTag and their
     * writes, like `upgradeNodeImageVersion`, take no condition. `all`: every resource and write, as a stricter
     * Azure would. Tests default to `documented`; the fault matrix's precondition row and the race tests run under both.
     */
    etags: EtagMode;
    /**
     * The time ARM's clock read when the emulator started (its `Date` header, and R12's 90 days), running on from
     * there. The seeds' node images are dated against it, so their ages do not drift with the calendar.
     */
    today: string;
}

const STARTED = Date.now();

/** ARM's clock now: `today`, plus the time since the emulator started. */
export function armNow(knobs: Knobs): Date {
    return new Date(Date.parse(knobs.today) + (Date.now() - STARTED));
}

export type EtagMode = 'all' | 'documented';

export const DEFAULT_KNOBS: Knobs = {
    latencyMs: 0,
    pageSize: 50,
    operationPolls: 2,
    operationSeconds: 0,
    retryAfterSeconds: 1,
    fleetMemberSeconds: 0.5,
    etags: 'documented',
    today: '2026-11-24T12:00:00Z',
    tokenLifetimeSeconds: 3600,
    armClockSkewSeconds: 0,
    tokenAudience: '',
    throttling: false,
    throttleBurstScale: 1,
    throttleRateScale: 1,
};
