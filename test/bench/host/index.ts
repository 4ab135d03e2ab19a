import * as fs from 'fs';
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
    readonly bigTenant?: { readonly expandMs: number; readonly nodes: number; readonly memoryGrowthMB: number };
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
    const start = performance.now();
    const api = await extension.activate();
    const loadAndActivateMs = performance.now() - start;
    const activateMs = performance.getEntriesByName('aksSnapshots.activate').at(-1)?.duration ?? NaN;

    // The view asks the tree for its root when it opens; the answer is the first rows it shows.
    const firstRows = new Promise<{ asked: number; at: number; rows: number }>((resolve) => {
        const getChildren = api.tree.getChildren.bind(api.tree);
        api.tree.getChildren = async (element?: AksTreeElement) => {
            const asked = performance.now();
            const children = await getChildren(element);
            if (!element) {
                resolve({ asked, at: performance.now(), rows: children.length });
            }
            return children;
        };
    });
    const opened = performance.now();
    await vscode.commands.executeCommand('workbench.view.extension.aksSnapshots');
    const shown = await firstRows;
    const measures: HostMeasures = {
        loadAndActivateMs,
        activateMs,
        firstRowsMs: shown.at - opened,
        rootAnswerMs: shown.at - shown.asked,
        firstRows: shown.rows,
        bigTenant: process.env.AKS_BENCH_BIG_TENANT ? await expandBigTenant(api) : undefined,
        rollout: process.env.AKS_BENCH_ROLLOUT ? await rollOut(api, process.env.AKS_BENCH_ROLLOUT) : undefined,
    };
    fs.writeFileSync(process.env.AKS_BENCH_OUT ?? '', JSON.stringify(measures));
}

/** Every node of the tree built, as a person expanding it all would have them; heap measured after a full collection either side. */
async function expandBigTenant(api: AksSnapshotsTestApi): Promise<HostMeasures['bigTenant']> {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const expand = async (element?: AksTreeElement): Promise<AksTreeElement[]> => {
        const children = await api.tree.getChildren(element);
        const below = await Promise.all(
            children.map(async (child) => {
                const item = await api.tree.getTreeItem(child);
                return item.collapsibleState ? expand(child) : [];
            }),
        );
        return [...children, ...below.flat()];
    };
    api.tree.refresh();
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const nodes = await expand();
    const expandMs = performance.now() - started;
    gc();
    const memoryGrowthMB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    return { expandMs, nodes: nodes.length, memoryGrowthMB: Math.round(memoryGrowthMB * 10) / 10 };
}

/**
 * A roll-out of the snapshot given to every pool that can take it, in one wave after the canary, under AKS's
 * throttling. An error the person would read rejects `runCommand`; a pool's failure would be in its outcome.
 */
async function rollOut(api: AksSnapshotsTestApi, snapshotId: string): Promise<HostMeasures['rollout']> {
    const ui = new TestUserInput([
        new PickMany((i) => !i.label.startsWith('$(circle-slash)')),
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
