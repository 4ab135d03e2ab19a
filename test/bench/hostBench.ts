import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { snapshotId } from '../../src/model/armId';
import { DEFAULT_REQUESTS_IN_FLIGHT } from '../../src/azure/requestPolicies';
import { FLEET_EAST_SUBSCRIPTION, rolloutSeed, Seed } from '../emulator/seeds';
import { EmulatorInfo, RunningEmulator, startEmulator } from '../emulator/server';
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
    /**
     * What the first rows wait for, each round trip at the emulator's latency: one token, then the subscription
     * list's two pages (ARM ends every list with an empty page).
     */
    readonly firstRowsBoundMs: number;
    /** The first rows of a profile's very first start (nothing kept yet: the authority's metadata asked too). */
    readonly profileFirstStartMs: number;
    /** Where the first rows' time goes, by the emulator's clock (when each request arrived). */
    readonly firstRowsParts: FirstRowsParts;
    readonly bigTenant: NonNullable<HostMeasures['bigTenant']> & {
        readonly clusters: number;
        readonly pools: number;
        readonly snapshots: number;
    };
    readonly rollout: NonNullable<HostMeasures['rollout']>;
    /** The 50-subscription tree's lists read in a real extension host, after its first rows. */
    /** The 50-subscription tree in a real extension host, at the default bound on requests in flight and at 64. */
    readonly hostTreeLoad: HostTreeLoad[];
}

export interface HostTreeLoad {
    readonly subscriptions: number;
    /** `aksSnapshots.maxRequestsInFlight` in that host. */
    readonly maxRequestsInFlight: number;
    readonly starts: number;
    readonly load: Measured;
    /** Requests the emulator received in a start (sign-in included), from activation to the whole tree (absent in older results). */
    readonly requests?: number;
    /** The connections those requests came on (ARM's; the sign-in's are apart). */
    readonly connections: number;
    /** Of that, the extension host's CPU in `addCACert`: VS Code adding its CA certificates to each new TLS connection. */
    readonly addCaCert: Measured;
}

export interface FirstRowsParts {
    /** The workbench opening the view, to its asking the tree for its root. */
    readonly workbench: Measured;
    /** From the root asked to the first sign-in request (the credential's bundle loaded, the credential made). */
    readonly beforeSignIn: Measured;
    /** The sign-in's requests (the authority's metadata where not cached, the token), to the subscription list's first request. */
    readonly signIn: Measured;
    /** The subscription list's pages, to the rows answered. */
    readonly subscriptionList: Measured;
    /** Sign-in requests per start (median). */
    readonly signInRequests: number;
}

/** One start's parts, from the host's times and the requests the emulator saw since the view was opened. */
function partsOf(start: HostMeasures, emulator: RunningEmulator) {
    const signIns = emulator.signIns.filter((r) => r.time >= start.openedAt && r.time <= start.answeredAt);
    const list = emulator.requests.find((r) => r.time >= start.openedAt && /^\/subscriptions\?/.test(r.url));
    if (!signIns.length || !list) {
        throw new Error(`The first rows made ${signIns.length} sign-in requests and ${list ? 'a' : 'no'} subscription list request.`);
    }
    return {
        workbench: start.rootAskedAt - start.openedAt,
        beforeSignIn: signIns[0].time - start.rootAskedAt,
        signIn: list.time - signIns[0].time,
        subscriptionList: start.answeredAt - list.time,
        signInRequests: signIns.length,
    };
}

const ROLLOUT_SNAPSHOT = snapshotId(FLEET_EAST_SUBSCRIPTION, 'rg-roll-snapshots', 'snap-roll-2611');

/** Starts the extension host on the emulator given, runs test/bench/host in it, and returns what it measured. */
async function measureInHost(
    emulator: EmulatorInfo,
    env: Record<string, string> = {},
    userDataDir?: string,
    userSettings?: Record<string, unknown>,
): Promise<HostMeasures> {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-bench-')), 'measures.json');
    const code = await runInExtensionHost({
        testsPath: path.join(REPO_ROOT, 'out', 'test', 'bench', 'host'),
        emulator,
        env: { AKS_BENCH_OUT: out, ...env },
        userDataDir,
        userSettings,
        onLine: (line) => console.log(`  host: ${line}`),
    });
    if (code !== 0 || !fs.existsSync(out)) {
        throw new Error(`The extension host bench failed (exit ${code}).`);
    }
    return JSON.parse(fs.readFileSync(out, 'utf8')) as HostMeasures;
}

export async function hostBench(starts: number): Promise<HostBenchResult> {
    const rounds: HostMeasures[] = [];
    const parts: ReturnType<typeof partsOf>[] = [];
    const emulator = await startEmulator({ seed: 'scale-1x20x5x20', latencyMs: LATENCY_MS, pageSize: 100 });
    // One profile for every start, as a person's: its first start ever (measured apart) keeps what later ones reuse.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-bench-profile-'));
    let firstStart: HostMeasures;
    try {
        firstStart = await measureInHost(emulator, {}, profile);
        console.log(`  a profile's first start: first rows ${firstStart.firstRowsMs.toFixed(1)} ms`);
        for (let i = 0; i < starts; i++) {
            rounds.push(await measureInHost(emulator, {}, profile));
            parts.push(partsOf(rounds[i], emulator));
            const p = parts[i];
            console.log(
                `  start ${i + 1}: load and activate ${rounds[i].loadAndActivateMs.toFixed(1)} ms, activate() ${rounds[i].activateMs.toFixed(1)} ms, first rows ${rounds[i].firstRowsMs.toFixed(1)} ms ` +
                    `(workbench ${p.workbench}, before sign-in ${p.beforeSignIn}, sign-in ${p.signIn} in ${p.signInRequests} requests, subscription list ${p.subscriptionList})`,
            );
        }
    } finally {
        await emulator.close();
        fs.rmSync(profile, { recursive: true, force: true });
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
    const hostTreeLoad = [];
    for (const inFlight of new Set([DEFAULT_REQUESTS_IN_FLIGHT, 64])) {
        hostTreeLoad.push(await treeLoadInHost(50, inFlight, 3));
    }
    return {
        hostTreeLoad,
        starts,
        loadAndActivate: measured(rounds.map((r) => r.loadAndActivateMs)),
        activate: measured(rounds.map((r) => r.activateMs)),
        firstRows: measured(rounds.map((r) => r.firstRowsMs)),
        firstRowsBoundMs: 3 * LATENCY_MS,
        profileFirstStartMs: Math.round(firstStart.firstRowsMs * 10) / 10,
        firstRowsParts: {
            workbench: measured(parts.map((p) => p.workbench)),
            beforeSignIn: measured(parts.map((p) => p.beforeSignIn)),
            signIn: measured(parts.map((p) => p.signIn)),
            subscriptionList: measured(parts.map((p) => p.subscriptionList)),
            signInRequests: measured(parts.map((p) => p.signInRequests)).medianMs,
        },
        bigTenant: { ...bigTenant!, clusters: big.clusters.length, pools: big.clusters.length * 5, snapshots: big.snapshots.length },
        rollout: rollout!,
    };
}

/**
 * Every subscription's clusters, snapshots and fleets read at once in a real extension host (after its first rows: the token
 * taken), with the host's CPU profile, to see what the extension host adds to the plain-Node load measured above.
 */
async function treeLoadInHost(subscriptions: number, maxRequestsInFlight: number, starts: number): Promise<HostTreeLoad> {
    const emulator = await startEmulator({ seed: `scale-${subscriptions}x20x5x20`, latencyMs: LATENCY_MS, pageSize: 100 });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-bench-tree-'));
    const loads: number[] = [];
    const caCerts: number[] = [];
    const requests: number[] = [];
    const connections: number[] = [];
    try {
        for (let i = 0; i < starts; i++) {
            const profile = path.join(folder, `${i}.cpuprofile`);
            const asked = emulator.requests.length + emulator.signIns.length;
            const read = emulator.requests.length;
            const measures = await measureInHost(emulator, { AKS_BENCH_WHOLE_TREE: '1', AKS_BENCH_PROFILE: profile }, undefined, {
                'aksSnapshots.maxRequestsInFlight': maxRequestsInFlight,
            });
            loads.push(measures.wholeTreeMs ?? NaN);
            requests.push(emulator.requests.length + emulator.signIns.length - asked);
            connections.push(new Set(emulator.requests.slice(read).map((r) => r.connection)).size);
            caCerts.push(selfTimeMs(JSON.parse(fs.readFileSync(profile, 'utf8')) as CpuProfile, 'addCACert'));
            console.log(
                `  ${subscriptions} subscriptions in a real extension host, ${maxRequestsInFlight} in flight: ${loads[i].toFixed(1)} ms, ` +
                    `${connections[i]} connections, ${caCerts[i].toFixed(1)} ms of CPU adding CA certificates`,
            );
        }
    } finally {
        await emulator.close();
        fs.rmSync(folder, { recursive: true, force: true });
    }
    return {
        subscriptions,
        maxRequestsInFlight,
        starts,
        load: measured(loads),
        requests: measured(requests).medianMs,
        connections: measured(connections).medianMs,
        addCaCert: measured(caCerts),
    };
}

interface CpuProfile {
    readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string } }[];
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
}

/** The time a profile's samples spent in the named function itself, in ms. */
function selfTimeMs(profile: CpuProfile, functionName: string): number {
    const ids = new Set(profile.nodes.filter((n) => n.callFrame.functionName === functionName).map((n) => n.id));
    let us = 0;
    profile.samples.forEach((id, i) => {
        if (ids.has(id)) {
            us += profile.timeDeltas[i] ?? 0;
        }
    });
    return us / 1000;
}
