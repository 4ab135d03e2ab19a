import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AksSnapshotsTestApi } from '../../src/extension';
import type { AksTreeElement } from '../../src/tree/AksTreeElement';
import { emulatorControl } from '../emulator/controlClient';
import type { Fault, RecordedRequest } from '../emulator/server';
import type { TestUserInput } from './TestUserInput';

export const EXTENSION_ID = 'aks-nodepool-snapshots.aks-nodepool-snapshots';

/** Activates the extension under test and returns what it hands its suites. */
export async function activateExtension(): Promise<AksSnapshotsTestApi> {
    const extension = vscode.extensions.getExtension<AksSnapshotsTestApi>(EXTENSION_ID);
    if (!extension) {
        throw new Error(`Extension ${EXTENSION_ID} is not loaded in this host.`);
    }
    const api = await extension.activate();
    if (!api) {
        throw new Error('The extension did not return its test API: is VS Code running it in test mode?');
    }
    return api;
}

/** The emulator the runner started for this host. */
export function emulatorUrl(): string {
    const url = process.env.AKS_EMULATOR_URL;
    if (!url) {
        throw new Error('AKS_EMULATOR_URL is not set: run the suites with "npm run test:host".');
    }
    return url;
}

/** The extension's log as written so far (VS Code writes a LogOutputChannel to a file of the extension's log folder). */
export async function logText(logUri: vscode.Uri): Promise<string> {
    // The log is written in batches: give it a moment to reach the file.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return filesUnder(logUri.fsPath)
        .filter((f) => f.endsWith('.log'))
        .map((f) => fs.readFileSync(f, 'utf8'))
        .join('\n');
}

/** Talks to the emulator's control endpoints (test-only; the extension's own calls go through the SDK). */
function control(method: string, path: string, body?: unknown): Promise<unknown> {
    return emulatorControl(emulatorUrl(), fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS ?? '', 'utf8'))(method, path, body);
}

export const emulator = {
    requests: async (): Promise<RecordedRequest[]> => (await control('GET', 'requests')) as RecordedRequest[],
    /** What Azure was asked to change: every request but reads. */
    writes: async (): Promise<RecordedRequest[]> =>
        ((await control('GET', 'requests')) as RecordedRequest[]).filter((r) => r.method !== 'GET'),
    clearRequests: (): Promise<unknown> => control('DELETE', 'requests'),
    addFault: (fault: Fault): Promise<unknown> => control('POST', 'faults', fault),
    clearFaults: (): Promise<unknown> => control('DELETE', 'faults'),
    /** Back to the demo seed (or the one named), with no requests and no faults. */
    reset: (seed?: string): Promise<unknown> => control('POST', 'reset', seed ? { seed } : undefined),
    setProvisioningState: (id: string, provisioningState: string): Promise<unknown> =>
        control('POST', 'provisioningState', { id, provisioningState }),
    /** Someone stops (or starts) a cluster with its pools, or one pool. */
    setPowerState: (id: string, code: 'Running' | 'Stopped'): Promise<unknown> => control('POST', 'powerState', { id, code }),
    /** Every cluster, pool and snapshot (lower-case id) with its eTag and state. */
    resources: async (): Promise<{ id: string; eTag: string; state: string }[]> =>
        (await control('GET', 'resources')) as { id: string; eTag: string; state: string }[],
    knobs: (knobs: Record<string, unknown>): Promise<unknown> => control('POST', 'knobs', knobs),
    /** Every long operation the emulator ran: when it started and ended (ISO times), and how. */
    operations: async (): Promise<
        { id: string; subscriptionId: string; resourceId: string; kind: string; startTime: string; endTime?: string; status: string }[]
    > =>
        (await control('GET', 'operations')) as {
            id: string;
            subscriptionId: string;
            resourceId: string;
            kind: string;
            startTime: string;
            endTime?: string;
            status: string;
        }[],
    /** How many requests were answered 429 since the last reset. */
    throttled: async (): Promise<number> => ((await control('GET', 'throttled')) as { throttled: number }).throttled,
    /** Someone else upgrades a pool's node image to the latest. */
    upgradeNodeImage: (id: string): Promise<unknown> => control('POST', 'nodeImageUpgrade', { id }),
    /** Every access token the emulator issued (test-only: to search the product's output for them). */
    issuedTokens: async (): Promise<string[]> => (await control('GET', 'tokens')) as string[],
};

/**
 * Runs a command as the tree's context menu would (`node`) or the palette would (no node), its questions
 * answered by `ui`. Resolves with what the command returns (undefined after Esc); rejects with the error the
 * person would read in the notification.
 */
export async function runCommand<T>(
    command: string,
    ui: TestUserInput,
    node?: unknown,
    extraContext: Record<string, unknown> = {},
): Promise<T> {
    const api = await activateExtension();
    const handler = api.registerOnActionStartHandler((context) => {
        if (context.callbackId === command) {
            Object.assign(context, extraContext, { ui });
            context.errorHandling.rethrow = true;
            context.errorHandling.suppressDisplay = true;
        }
    });
    try {
        return await vscode.commands.executeCommand<T>(command, ...(node === undefined ? [] : [node]));
    } finally {
        handler.dispose();
    }
}

/** What a person sees of a tree node. */
export interface ShownNode {
    label: string;
    description?: string;
    contextValue?: string;
    children?: ShownNode[];
}

/**
 * Walks the tree as VS Code would, expanding every collapsible node, once each node's lists are read whole (a big
 * subscription shows its first pages before: test/suite/tree.test.ts looks at that).
 */
export async function shownTree(tree: AksSnapshotsTestApi['tree'], element?: AksTreeElement): Promise<ShownNode[]> {
    await (element as (AksTreeElement & { load?(): Promise<unknown> }) | undefined)?.load?.().catch(() => undefined);
    // Siblings expand at once, as VS Code asks for the children of every expanded node it shows; the order is kept.
    return Promise.all(
        (await tree.getChildren(element)).map(async (child) => {
            const item = await tree.getTreeItem(child);
            const node: ShownNode = { label: typeof item.label === 'string' ? item.label : (item.label?.label ?? '') };
            if (item.description !== undefined && item.description !== '') {
                node.description = String(item.description);
            }
            if (item.contextValue) {
                node.contextValue = item.contextValue;
            }
            if (item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
                node.children = await shownTree(tree, child);
            }
            return node;
        }),
    );
}

/** Waits for the tree to change after a refresh or a settings change. */
export function nextTreeChange(tree: AksSnapshotsTestApi['tree']): Promise<void> {
    return new Promise((resolve) => {
        const listener = tree.onDidChangeTreeData(() => {
            listener.dispose();
            resolve();
        });
    });
}

export type TestApi = Awaited<ReturnType<typeof activateExtension>>;

/** Every file under a folder (none when it does not exist): where VS Code keeps the extension's logs, say. */
export function filesUnder(folder: string): string[] {
    return fs.existsSync(folder)
        ? fs
              .readdirSync(folder, { withFileTypes: true, recursive: true })
              .filter((d) => d.isFile())
              .map((d) => path.join(d.parentPath, d.name))
        : [];
}

/**
 * Registers the hooks every flow suite needs: the extension activated once, and before each test the seed (the
 * demo, or the one named) restored and the tree reloaded; after a suite on another seed, the demo is back.
 * Returns a getter for the extension's test API.
 */
export function withFreshSeed(seed?: string): () => TestApi {
    let api: TestApi | undefined;
    before(async () => {
        api = await activateExtension();
    });
    beforeEach(async () => {
        await emulator.reset(seed);
        api!.tree.refresh();
    });
    if (seed) {
        after(async () => {
            await emulator.reset();
            api!.tree.refresh();
        });
    }
    return () => api!;
}
