import { AksService } from '../../src/azure/AksService';
import { nodePoolId, snapshotId } from '../../src/model/armId';
import { startEmulator } from '../emulator/server';
import { emulatorSessions } from '../emulatorSession';
import { measured } from './stats';

/** Seconds: median, least and most of the rounds. */
export interface MeasuredSeconds {
    readonly medianS: number;
    readonly minS: number;
    readonly maxS: number;
    readonly rounds: number;
}

export interface LongOperationsResult {
    readonly operationSeconds: number;
    /** When an operation Azure ends after 5 s (Retry-After 1 s) is reported done, in seconds. */
    readonly reportedDone: MeasuredSeconds;
    /** Twenty operations at once in one subscription: the most status polls in any second, and when each was reported done. */
    readonly concurrentOperations: number;
    readonly maxPollsPerSecondPerSubscription: number;
    readonly concurrentReportedDone: MeasuredSeconds;
}

const OPERATION_SECONDS = 5;

export async function longOperationsBench(rounds: number): Promise<LongOperationsResult> {
    // Operations end by time only (never by a count of polls): what a poller sees is Azure's own pace.
    const emulator = await startEmulator({
        seed: 'scale-1x20x2x1',
        operationSeconds: OPERATION_SECONDS,
        operationPolls: 1_000_000,
        retryAfterSeconds: 1,
    });
    try {
        const upgrade = async (service: AksService, cluster: number): Promise<number> => {
            const name = `aks-${String(cluster).padStart(4, '0')}`;
            const pool = await service.getNodePool(nodePoolId(service.subscriptionId, 'rg-clusters', name, 'pool1'));
            const start = performance.now();
            await service.upgradeNodeImageToSnapshot(pool, snapshotId(service.subscriptionId, 'rg-snapshots', 'snap-00001'));
            return (performance.now() - start) / 1000;
        };
        const single: number[] = [];
        for (let round = 0; round < rounds; round++) {
            emulator.reset();
            single.push(await upgrade(await AksService.create((await emulatorSessions(emulator))[0]), 1));
            // Each round a lone operation in a quiet subscription: the polls of the round before have left the pacing's
            // window (AKS's 2 a second), else they would hold this round's first poll back and shift every poll after it.
            await new Promise((resolve) => setTimeout(resolve, 2000));
        }
        emulator.reset();
        const service = await AksService.create((await emulatorSessions(emulator))[0]);
        const done = await Promise.all(Array.from({ length: 20 }, (_, i) => upgrade(service, i + 1)));
        const polls = emulator.requests
            .filter((r) => r.route?.startsWith('operations.'))
            .map((r) => r.time)
            .sort((a, b) => a - b);
        const maxPolls = polls.reduce((max, t, i) => Math.max(max, polls.slice(i).filter((u) => u < t + 1000).length), 0);
        return {
            operationSeconds: OPERATION_SECONDS,
            reportedDone: toSeconds(measured(single.map((s) => s * 1000))),
            concurrentOperations: 20,
            maxPollsPerSecondPerSubscription: maxPolls,
            concurrentReportedDone: toSeconds(measured(done.map((s) => s * 1000))),
        };
    } finally {
        await emulator.close();
    }
}

function toSeconds(m: ReturnType<typeof measured>): MeasuredSeconds {
    return { medianS: Math.round(m.medianMs) / 1000, minS: Math.round(m.minMs) / 1000, maxS: Math.round(m.maxMs) / 1000, rounds: m.rounds };
}
