import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { snapshotId } from '../../src/model/armId';
import { FLEET_EAST_SUBSCRIPTION, rolloutSeed, Seed } from '../emulator/seeds';
import { EmulatorInfo, startEmulator } from '../emulator/server';
import { REPO_ROOT } from '../host/codeServer';
import { runInExtensionHost } from '../host/extensionHost';
import type { HostMeasures } from './host';
import { measured, Measured } from './stats';
import { bigTenantSeed } from './tenant';
import { LATENCY_MS } from './treeLoad';

export interface HostBenchResult {
    /** Starts of the real extension host (code-server), each measuring activation and the first rows. */
    readonly starts: number;
    readonly loadAndActivate: Measured;
    readonly activate: Measured;
    readonly firstRows: Measured;
    readonly bigTenant: NonNullable<HostMeasures['bigTenant']> & {
        readonly clusters: number;
        readonly pools: number;
        readonly snapshots: number;
    };
    readonly rollout: NonNullable<HostMeasures['rollout']>;
}

const ROLLOUT_SNAPSHOT = snapshotId(FLEET_EAST_SUBSCRIPTION, 'rg-roll-snapshots', 'snap-roll-2611');

/** Starts the extension host on the emulator given, runs test/bench/host in it, and returns what it measured. */
async function measureInHost(emulator: EmulatorInfo, env: Record<string, string> = {}): Promise<HostMeasures> {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-bench-')), 'measures.json');
    const code = await runInExtensionHost({
        testsPath: path.join(REPO_ROOT, 'out', 'test', 'bench', 'host'),
        emulator,
        env: { AKS_BENCH_OUT: out, ...env },
        onLine: (line) => console.log(`  host: ${line}`),
    });
    if (code !== 0 || !fs.existsSync(out)) {
        throw new Error(`The extension host bench failed (exit ${code}).`);
    }
    return JSON.parse(fs.readFileSync(out, 'utf8')) as HostMeasures;
}

export async function hostBench(starts: number): Promise<HostBenchResult> {
    const rounds: HostMeasures[] = [];
    const emulator = await startEmulator({ seed: 'scale-1x20x5x20', latencyMs: LATENCY_MS, pageSize: 100 });
    try {
        for (let i = 0; i < starts; i++) {
            rounds.push(await measureInHost(emulator));
            console.log(
                `  start ${i + 1}: load and activate ${rounds[i].loadAndActivateMs.toFixed(1)} ms, activate() ${rounds[i].activateMs.toFixed(1)} ms, first rows ${rounds[i].firstRowsMs.toFixed(1)} ms`,
            );
        }
    } finally {
        await emulator.close();
    }

    const big = bigTenantSeed();
    const bigEmulator = await startEmulator({ seed: big, latencyMs: LATENCY_MS, pageSize: 100 });
    let bigTenant: HostMeasures['bigTenant'];
    try {
        bigTenant = (await measureInHost(bigEmulator, { AKS_BENCH_BIG_TENANT: '1' })).bigTenant;
    } finally {
        await bigEmulator.close();
    }

    // The roll-out seed with nine more pools that can take its snapshot: 20 in all, across two subscriptions.
    const wide: Seed = {
        ...rolloutSeed,
        clusters: rolloutSeed.clusters.map((c) =>
            c.name !== 'aks-roll-b'
                ? c
                : {
                      ...c,
                      pools: [
                          ...c.pools,
                          ...Array.from({ length: 9 }, (_, i) => ({ ...c.pools.find((p) => p.name === 'b3')!, name: `w${i + 1}` })),
                      ],
                  },
        ),
    };
    const rolloutEmulator = await startEmulator({ seed: wide, throttling: true, operationPolls: 2, retryAfterSeconds: 1 });
    let rollout: HostMeasures['rollout'];
    try {
        rollout = (await measureInHost(rolloutEmulator, { AKS_BENCH_ROLLOUT: ROLLOUT_SNAPSHOT })).rollout;
    } finally {
        await rolloutEmulator.close();
    }
    return {
        starts,
        loadAndActivate: measured(rounds.map((r) => r.loadAndActivateMs)),
        activate: measured(rounds.map((r) => r.activateMs)),
        firstRows: measured(rounds.map((r) => r.firstRowsMs)),
        bigTenant: { ...bigTenant!, clusters: big.clusters.length, pools: big.clusters.length * 5, snapshots: big.snapshots.length },
        rollout: rollout!,
    };
}
