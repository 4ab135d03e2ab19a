/** Medians with their spread, of rounds run side by side. */
export interface Measured {
    readonly medianMs: number;
    readonly minMs: number;
    readonly maxMs: number;
    readonly rounds: number;
}

export function measured(values: readonly number[]): Measured {
    const sorted = [...values].sort((a, b) => a - b);
    const round = (n: number): number => Math.round(n * 10) / 10;
    return {
        medianMs: round(sorted[Math.floor(sorted.length / 2)]),
        minMs: round(sorted[0]),
        maxMs: round(sorted[sorted.length - 1]),
        rounds: sorted.length,
    };
}

/** Runs each way once per round, alternating, so that every way sees the same machine; returns each way's times (ms). */
export async function sideBySide(rounds: number, ways: Record<string, () => Promise<unknown>>): Promise<Record<string, number[]>> {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
        for (const [name, run] of Object.entries(ways)) {
            const start = performance.now();
            await run();
            times[name].push(performance.now() - start);
        }
    }
    return times;
}
