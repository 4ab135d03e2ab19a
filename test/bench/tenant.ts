import { AksServices } from '../../src/azure/AksServices';
import type { Cluster, Snapshot } from '../../src/model/aks';
import { isSameArmId, snapshotId } from '../../src/model/armId';
import { indexSnapshots, snapshotPin, snapshotUsageIndex } from '../../src/model/drift';
import { resolveSeed, Seed } from '../emulator/seeds';
import { startEmulator } from '../emulator/server';
import { emulatorAccount } from '../emulatorSession';
import { startEmulatorProcess } from './emulatorProcess';
import { measured, Measured } from './stats';
import { LATENCY_MS } from './treeLoad';

export interface BigTenantResult {
    readonly clusters: number;
    readonly pools: number;
    readonly snapshots: number;
    /** From nothing to every cluster and snapshot read. */
    readonly loadMs: number;
    readonly requests: number;
    /** The model behind the tree's items once the data is in: every pool's drift and every snapshot's usage count. */
    readonly buildItemsMs: Measured;
    /** The same counts one snapshot at a time over every pool (how the first version counted), for before and after. */
    readonly buildItemsBeforeMs: Measured;
}

/**
 * One subscription of 2,000 clusters × 5 pools and 10,000 snapshots, every pool linked to one of them (so that drift and usage have
 * something to count).
 */
export function bigTenantSeed(): Seed {
    const seed = resolveSeed('scale-1x2000x5x10000');
    let n = 0;
    const next = (): Seed['snapshots'][number] => seed.snapshots[n++ % seed.snapshots.length];
    return {
        ...seed,
        clusters: seed.clusters.map((c) => ({
            ...c,
            pools: c.pools.map((p) => {
                const snapshot = next();
                return {
                    ...p,
                    properties: {
                        ...p.properties,
                        creationData: { sourceResourceId: snapshotId(c.subscriptionId, snapshot.resourceGroup, snapshot.name) },
                    },
                };
            }),
        })),
    };
}

export async function bigTenantBench(rounds: number): Promise<BigTenantResult> {
    const emulator = await startEmulator({ seed: bigTenantSeed(), latencyMs: LATENCY_MS, pageSize: 100 });
    try {
        const start = performance.now();
        const services = new AksServices(emulatorAccount(emulator));
        const { items } = await services.fromEverySubscription(async (s) => [await Promise.all([s.listClusters(), s.listSnapshots()])]);
        const loadMs = performance.now() - start;
        const [clusters, snapshots] = items[0] as [Cluster[], Snapshot[]];
        const after: number[] = [];
        const before: number[] = [];
        for (let round = 0; round < rounds; round++) {
            let t = performance.now();
            // As the tree does: snapshots indexed once, each pool's drift looked up, each snapshot's users counted from one pass.
            const index = indexSnapshots(snapshots);
            clusters.forEach((c) => c.nodePools.forEach((p) => snapshotPin(p, c, index)));
            const usageOf = snapshotUsageIndex(clusters);
            snapshots.forEach((s) => usageOf(s));
            after.push(performance.now() - t);
            if (round === 0) {
                // As the first version did: every pool's snapshot found by a scan, and one pass over every pool per snapshot.
                t = performance.now();
                clusters.forEach((c) => c.nodePools.forEach((p) => snapshots.find((s) => isSameArmId(s.id, p.snapshotId))));
                snapshots.forEach((s) => clusters.flatMap((c) => c.nodePools.filter((p) => isSameArmId(p.snapshotId, s.id))));
                before.push(performance.now() - t);
            }
        }
        return {
            clusters: clusters.length,
            pools: clusters.reduce((a, c) => a + c.nodePools.length, 0),
            snapshots: snapshots.length,
            loadMs: Math.round(loadMs),
            requests: emulator.requests.length,
            buildItemsMs: measured(after),
            buildItemsBeforeMs: measured(before),
        };
    } finally {
        await emulator.close();
    }
}

export interface TenantWideResult {
    readonly subscriptions: number;
    /** The reads behind "Show Pools Using This Snapshot" and the roll-out's candidate list: every subscription's clusters. */
    readonly everyPool: Measured;
    readonly requests: number;
    /** A 50-subscription tree load with AKS's throttling on: answers that were 429, and whether it completed. */
    readonly throttledLoad: { readonly throttled: number; readonly completed: boolean };
}

export async function tenantWideBench(rounds: number, loadTree: (services: AksServices) => Promise<number>): Promise<TenantWideResult> {
    const emulator = await startEmulatorProcess('scale-50x20x5x20', { latencyMs: LATENCY_MS, pageSize: 100 });
    try {
        const everyPool = async (): Promise<number> =>
            (await new AksServices(emulatorAccount(emulator)).fromEverySubscription((s) => s.listClusters())).items.length;
        await everyPool();
        await emulator.clearRequests();
        await everyPool();
        const requests = await emulator.requestCount();
        const times: number[] = [];
        for (let round = 0; round < rounds; round++) {
            const t = performance.now();
            await everyPool();
            times.push(performance.now() - t);
        }
        await emulator.reset();
        await emulator.knobs({ throttling: true });
        const completed = await loadTree(new AksServices(emulatorAccount(emulator))).then(
            () => true,
            () => false,
        );
        return {
            subscriptions: 50,
            everyPool: measured(times),
            requests,
            throttledLoad: { throttled: await emulator.throttled(), completed },
        };
    } finally {
        await emulator.close();
    }
}
