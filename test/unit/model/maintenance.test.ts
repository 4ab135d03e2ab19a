import * as assert from 'assert';
import fc from 'fast-check';
import { channelWindow, MaintenanceWindow, nextWindowStart } from '../../../src/model/maintenance';

const NOW = new Date('2026-11-24T12:00:00Z'); // a Tuesday
const saturdays: MaintenanceWindow = {
    schedule: { weekly: { intervalWeeks: 1, dayOfWeek: 'Saturday' } },
    durationHours: 4,
    startTime: '00:00',
    utcOffset: '+00:00',
};

describe('Planned maintenance: when a channel may act next', () => {
    it('weekly: the next Saturday 00:00–04:00 UTC; a window open now counts from its start', () => {
        assert.strictEqual(nextWindowStart(saturdays, NOW)?.toISOString(), '2026-11-28T00:00:00.000Z');
        assert.strictEqual(nextWindowStart(saturdays, new Date('2026-11-28T03:30:00Z'))?.toISOString(), '2026-11-28T00:00:00.000Z');
        assert.strictEqual(nextWindowStart(saturdays, new Date('2026-11-28T04:00:00Z'))?.toISOString(), '2026-12-05T00:00:00.000Z');
    });

    it('the UTC offset applies to the start time; relative and absolute monthly; not-allowed dates and the start date are skipped', () => {
        const firstSunday: MaintenanceWindow = {
            schedule: { relativeMonthly: { intervalMonths: 1, weekIndex: 'First', dayOfWeek: 'Sunday' } },
            durationHours: 8,
            startTime: '02:00',
            utcOffset: '+01:00',
        };
        assert.strictEqual(nextWindowStart(firstSunday, NOW)?.toISOString(), '2026-12-06T01:00:00.000Z');
        const lastFriday: MaintenanceWindow = {
            ...firstSunday,
            schedule: { relativeMonthly: { intervalMonths: 1, weekIndex: 'Last', dayOfWeek: 'Friday' } },
            utcOffset: '-07:00',
        };
        assert.strictEqual(nextWindowStart(lastFriday, NOW)?.toISOString(), '2026-11-27T09:00:00.000Z');
        const fifteenth: MaintenanceWindow = {
            schedule: { absoluteMonthly: { intervalMonths: 1, dayOfMonth: 15 } },
            durationHours: 6,
            startTime: '22:30',
        };
        assert.strictEqual(nextWindowStart(fifteenth, NOW)?.toISOString(), '2026-12-15T22:30:00.000Z');
        assert.strictEqual(
            nextWindowStart({ ...saturdays, notAllowedDates: [{ start: '2026-11-26', end: '2026-12-01' }] }, NOW)?.toISOString(),
            '2026-12-05T00:00:00.000Z',
        );
        assert.strictEqual(nextWindowStart({ ...saturdays, startDate: '2026-12-10' }, NOW)?.toISOString(), '2026-12-12T00:00:00.000Z');
    });

    it('every few weeks counts from the start date; without one the next opening cannot be placed', () => {
        const fortnightly: MaintenanceWindow = { ...saturdays, schedule: { weekly: { intervalWeeks: 2, dayOfWeek: 'Saturday' } } };
        assert.strictEqual(nextWindowStart(fortnightly, NOW), undefined);
        assert.strictEqual(nextWindowStart({ ...fortnightly, startDate: '2026-11-21' }, NOW)?.toISOString(), '2026-12-05T00:00:00.000Z');
        assert.deepStrictEqual(
            channelWindow('nodeOSUpgradeChannel', [{ name: 'aksManagedNodeOSUpgradeSchedule', maintenanceWindow: fortnightly }], NOW),
            { kind: 'recurring', config: 'aksManagedNodeOSUpgradeSchedule' },
        );
    });

    it('each channel keeps to its own configuration; without it, any time', () => {
        const configs = [{ name: 'aksManagedNodeOSUpgradeSchedule', maintenanceWindow: saturdays }, { name: 'default' }];
        const nodeOs = channelWindow('nodeOSUpgradeChannel', configs, NOW);
        assert.deepStrictEqual(nodeOs.kind === 'window' && [nodeOs.start.toISOString(), nodeOs.end.toISOString()], [
            '2026-11-28T00:00:00.000Z',
            '2026-11-28T04:00:00.000Z',
        ]);
        assert.deepStrictEqual(channelWindow('upgradeChannel', configs, NOW), { kind: 'anyTime', config: 'aksManagedAutoUpgradeSchedule' });
    });

    it("property: a weekly window's next opening is on its day, at its time, not past, and within a week", () => {
        const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
        fc.assert(
            fc.property(
                fc.constantFrom(...days),
                fc.integer({ min: 0, max: 23 }),
                fc.integer({ min: 4, max: 24 }),
                fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
                (day, hour, hours, now) => {
                    const window: MaintenanceWindow = {
                        schedule: { weekly: { intervalWeeks: 1, dayOfWeek: day } },
                        durationHours: hours,
                        startTime: `${String(hour).padStart(2, '0')}:00`,
                    };
                    const start = nextWindowStart(window, now)!;
                    assert.strictEqual(days[start.getUTCDay()], day);
                    assert.strictEqual(start.getUTCHours(), hour);
                    assert.ok(start.getTime() + hours * 3_600_000 > now.getTime(), 'not already over');
                    assert.ok(start.getTime() - now.getTime() <= 7 * 86_400_000, 'within a week');
                },
            ),
            { numRuns: process.env.AKS_TEST_FAST ? 10 : 200 },
        );
    });
});
