import * as fs from 'fs';
import * as inspector from 'inspector';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { AksSnapshotsTestApi } from '../../../src/extension';
import type { RolloutState } from '../../../src/model/rollout';
import type { AksTreeElement } from '../../../src/tree/AksTreeElement';
import { PickMany, TestUserInput } from '../../suite/TestUserInput';
import { emulator, EXTENSION_ID, runCommand } from '../../suite/testApi';

/** What one start of the extension host measured (see hostBench.ts, which starts it). */
export interface HostMeasures {
    /** `extension.activate()` as a caller waits for it: the bundle loaded and `activate()` run. */
    readonly loadAndActivateMs: number;
    /** `activate()` alone, from the product's own performance marks. */
    readonly activateMs: number;
    /** From opening the view to the tree's first subscription rows. */
    readonly firstRowsMs: number;
    /** The part of it from the view asking for its root to the answer (the rest is the workbench opening the view). */
    readonly rootAnswerMs: number;
    readonly firstRows: number;
    /** After the first rows: every subscription's clusters and snapshots read at once, as the tree load does. */
    readonly wholeTreeMs?: number;
    /** When the view was opened, asked for its root and had its answer (ms since the epoch: the emulator's clock, for the parts). */
    readonly openedAt: number;
    readonly rootAskedAt: number;
    readonly answeredAt: number;
    readonly bigTenant?: {
        readonly expandMs: number;
        readonly nodes: number;
        readonly memoryGrowthMB: number;
        /** From asking a subscription of 2,000 clusters for its children to its first cluster rows, and how many. */
        readonly firstClusterRowsMs: number;
        readonly firstClusterRows: number;
        /** From asking to every cluster and the snapshots shown. */
        readonly wholeMs: number;
    };
    readonly rollout?: {
        readonly pools: number;
        readonly status: string;
        readonly succeeded: number;
        readonly seconds: number;
        readonly throttled: number;
    };
}

const SETTLE_MS = 5000;

/** Entry point VS Code calls inside the extension host (`extensionTestsPath`) for `npm run bench`. */
export async function run(): Promise<void> {
    const extension = vscode.extensions.getExtension<AksSnapshotsTestApi>(EXTENSION_ID);
    if (!extension || extension.isActive) {
        throw new Error(`The extension is ${extension ? 'already active' : 'not loaded'}: nothing to measure.`);
    }
    // As a person would: the window has finished starting before the view is opened.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // AKS_BENCH_PROFILE=<file>: the extension host's CPU profile from activation to the last measure (the first rows
    // alone, unless more is asked).
    const profiler = process.env.AKS_BENCH_PROFILE ? await startProfiler() : undefined;
    const start = performance.now();
    const api = await extension.activate();
    const loadAndActivateMs = performance.now() - start;
    const activateMs = performance.getEntriesByName('aksSnapshots.activate').at(-1)?.duration ?? NaN;

    // The view asks the tree for its root when it opens; the answer is the first rows it shows.
    const firstRows = new Promise<{ asked: number; at: number; rows: number; askedAt: number; answeredAt: number }>((resolve) => {
        const getChildren = api.tree.getChildren.bind(api.tree);
        api.tree.getChildren = async (element?: AksTreeElement) => {
            const asked = performance.now();
            const askedAt = Date.now();
            const children = await getChildren(element);
            if (!element) {
                resolve({ asked, at: performance.now(), rows: children.length, askedAt, answeredAt: Date.now() });
            }
            return children;
        };
    });
    const openedAt = Date.now();
    const opened = performance.now();
    await vscode.commands.executeCommand('workbench.view.extension.aksSnapshots');
    const shown = await firstRows;
    const measures: HostMeasures = {
        loadAndActivateMs,
        activateMs,
        firstRowsMs: shown.at - opened,
        rootAnswerMs: shown.at - shown.asked,
        firstRows: shown.rows,
        openedAt,
        rootAskedAt: shown.askedAt,
        answeredAt: shown.answeredAt,
        wholeTreeMs: process.env.AKS_BENCH_WHOLE_TREE ? await loadEverySubscription(api) : undefined,
        bigTenant: process.env.AKS_BENCH_BIG_TENANT ? await expandBigTenant(api) : undefined,
        rollout: process.env.AKS_BENCH_ROLLOUT ? await rollOut(api, process.env.AKS_BENCH_ROLLOUT) : undefined,
    };
    if (profiler) {
        fs.writeFileSync(process.env.AKS_BENCH_PROFILE ?? '', JSON.stringify(await profiler()));
    }
    fs.writeFileSync(process.env.AKS_BENCH_OUT ?? '', JSON.stringify(measures));
}

/** Every subscription's lists read at once (the first rows' tokens and connections already made), in ms. */
async function loadEverySubscription(api: AksSnapshotsTestApi): Promise<number> {
    const subscriptions = (await api.tree.getChildren()) as (AksTreeElement & { load?(): Promise<unknown> })[];
    const started = performance.now();
    await Promise.all(subscriptions.map(async (s) => s.load?.()));
    return performance.now() - started;
}

/** Every node of the tree built, as a person expanding it all would have them; heap measured after a full collection either side. */
async function expandBigTenant(api: AksSnapshotsTestApi): Promise<HostMeasures['bigTenant']> {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const expand = async (element?: AksTreeElement): Promise<AksTreeElement[]> => {
        // Every node once read whole: a subscription still loading shows only its first pages.
        await (element as (AksTreeElement & { load?(): Promise<unknown> }) | undefined)?.load?.();
        const children = await api.tree.getChildren(element);
        const below = await Promise.all(
            children.map(async (child) => {
                const item = await api.tree.getTreeItem(child);
                return item.collapsibleState ? expand(child) : [];
            }),
        );
        return [...children, ...below.flat()];
    };
    // Page by page: a subscription's first cluster rows, then the whole of it, as a person expanding it sees them.
    api.tree.refresh();
    const [subscription] = await api.tree.getChildren();
    // As the view: expanded, then asked again once the subscription tells it that it turned big.
    const turnedBig = new Promise<void>((resolve) => {
        const listener = api.tree.onDidChangeTreeData((e) => {
            if (e?.id === subscription.id) {
                listener.dispose();
                resolve();
            }
        });
    });
    const asked = performance.now();
    void api.tree.getChildren(subscription);
    await turnedBig;
    const first = await api.tree.getChildren(subscription);
    const firstClusterRowsMs = performance.now() - asked;
    const firstClusterRows = first.filter((e) => /\/managedClusters\/[^/]+$/i.test(e.id)).length;
    await (subscription as AksTreeElement & { load(): Promise<unknown> }).load();
    const whole = await api.tree.getChildren(subscription);
    const wholeMs = performance.now() - asked;
    if (!whole.some((e) => e.id.endsWith('/snapshots'))) {
        throw new Error('The subscription was read whole, but its snapshots are not shown.');
    }

    api.tree.refresh();
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const nodes = await expand();
    const expandMs = performance.now() - started;
    gc();
    const memoryGrowthMB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    return {
        expandMs,
        nodes: nodes.length,
        memoryGrowthMB: Math.round(memoryGrowthMB * 10) / 10,
        firstClusterRowsMs,
        firstClusterRows,
        wholeMs,
    };
}

/**
 * A roll-out of the snapshot given to every pool that can take it, in one wave after the canary, under AKS's
 * throttling. An error the person would read rejects `runCommand`; a pool's failure would be in its outcome.
 */
async function rollOut(api: AksSnapshotsTestApi, snapshotId: string): Promise<HostMeasures['rollout']> {
    const ui = new TestUserInput([
        new PickMany((i) => !i.label.startsWith('$(')),
        'Change Settings…',
        'Wave size',
        '30',
        'Upgrades at once',
        '5',
        'Failure budget',
        '1',
        'Done',
        'Start Roll-out',
        'Start Next Wave',
    ]);
    const started = performance.now();
    const state = await runCommand<RolloutState>('aksSnapshots.rollOutSnapshot', ui, await api.tree.findElement(snapshotId));
    const seconds = (performance.now() - started) / 1000;
    const outcomes = Object.values(state.outcomes);
    return {
        pools: outcomes.length,
        status: state.status,
        succeeded: outcomes.filter((o) => o.status === 'succeeded').length,
        seconds: Math.round(seconds * 10) / 10,
        throttled: await emulator.throttled(),
    };
}

/** Starts V8's sampling profiler in this process; the function returned stops it and gives the profile. */
async function startProfiler(): Promise<() => Promise<unknown>> {
    const session = new inspector.Session();
    session.connect();
    const post = (method: string, params?: object): Promise<unknown> =>
        new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    return async () => {
        const { profile } = (await post('Profiler.stop')) as { profile: unknown };
        session.disconnect();
        return profile;
    };
}
