import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { workspaceOverrides } from '../../src/azure/accountSettings';
import { startEmulator } from '../emulator/server';
import { emulatorCloudSettings } from '../emulatorSession';
import { demoSeed, latestNodeImageOf, PLATFORM_SUBSCRIPTION, SANDBOX_SUBSCRIPTION, Seed } from '../emulator/seeds';
import { connectionsSince } from './connections';
import { activateExtension, emulator, emulatorUrl, nextTreeChange, shownTree, ShownNode } from './testApi';

/**
 * The tree a person should see for a seed, written from the seed's data and the product's documented
 * formats (not from the tree code): subscriptions by name, their clusters by name, each cluster's pools, then
 * the subscription's snapshots.
 */
function expectedTree(seed: Seed): ShownNode[] {
    const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);
    const subscriptions = [...seed.subscriptions].sort((a, b) => a.displayName.localeCompare(b.displayName));
    return subscriptions.map((s) => {
        const clusters = seed.clusters.filter((c) => c.subscriptionId === s.subscriptionId).sort(byName);
        const snapshots = seed.snapshots.filter((n) => n.subscriptionId === s.subscriptionId).sort(byName);
        return {
            label: s.displayName,
            contextValue: 'aksSubscription',
            children: [
                ...clusters.map((c) => ({
                    label: c.name,
                    description: `${c.kubernetesVersion} · ${c.location}`,
                    contextValue: [
                        'aksCluster',
                        ...(c.properties?.provisioningState && c.properties.provisioningState !== 'Succeeded' ? [] : ['aksReady']),
                        ...(reimages(c) ? ['aksReimages'] : []),
                    ]
                        .sort()
                        .join(';'),
                    children: c.pools.map((p) => {
                        const q = p.properties as Record<string, unknown>;
                        const state = String(q.provisioningState);
                        const busy = !['Succeeded', 'Failed', 'Canceled'].includes(state);
                        const snapshotId = (q.creationData as { sourceResourceId?: string } | undefined)?.sourceResourceId;
                        const snapshotName = snapshotId?.split('/').pop();
                        // Drifted: no longer on the linked snapshot's image or Kubernetes version; at risk: the cluster's channels re-image
                        // it (R7).
                        const linked = seed.snapshots.find((n) =>
                            snapshotId
                                ?.toLowerCase()
                                .endsWith(
                                    `/resourcegroups/${n.resourceGroup}/providers/microsoft.containerservice/snapshots/${n.name}`.toLowerCase(),
                                ),
                        );
                        const drifted =
                            !!linked &&
                            (linked.nodeImageVersion !== q.nodeImageVersion || linked.kubernetesVersion !== q.orchestratorVersion);
                        return {
                            label: p.name,
                            description: [
                                busy ? state : undefined,
                                q.mode,
                                q.osSKU,
                                q.vmSize,
                                q.nodeImageVersion,
                                snapshotName ? `${drifted ? '◇' : '◆'} ${snapshotName}` : undefined,
                                drifted ? 'drifted' : undefined,
                                snapshotName && reimages(c) ? 'at risk' : undefined,
                                // More than 30 days (the setting's default) behind AKS's latest image for the pool.
                                daysBetween(String(q.nodeImageVersion), latestNodeImageOf(q, c.location)) > 30 ? 'behind' : undefined,
                            ]
                                .filter(Boolean)
                                .join(' · '),
                            // The menu's actions: Create Snapshot where the pool is idle, a scale set and its image from after
                            // snapshots began (2021-11-10, R3); Upgrade to Snapshot where it is idle and a scale set; Roll Back
                            // where it is idle; Abort Operation where an operation runs.
                            contextValue: [
                                'aksNodePool',
                                ...(!busy && q.type !== 'VirtualMachines' && !/-2021\.10\.\d+$/.test(String(q.nodeImageVersion))
                                    ? ['aksSnapshotSource']
                                    : []),
                                ...(!busy && q.type !== 'VirtualMachines' ? ['aksUpgradable'] : []),
                                ...(busy ? ['aksInOperation'] : ['aksReady']),
                            ]
                                .sort()
                                .join(';'),
                        };
                    }),
                })),
                {
                    label: 'Snapshots',
                    description: String(snapshots.length),
                    contextValue: 'aksSnapshotGroup',
                    children: snapshots.map((n) => ({
                        label: n.name,
                        description: `${n.kubernetesVersion} · ${n.nodeImageVersion} · ${usage(seed, n)}`,
                        contextValue: n.osType === 'Windows' ? 'aksSnapshot' : 'aksLinux;aksSnapshot',
                    })),
                },
            ],
        };
    });
}

/** Days from one node image's publish date to another's (`yyyymm.dd.n`, `yyyy.mm.dd`, Windows `build.rev.yymmdd`). */
function daysBetween(image: string, latest: string): number {
    const day = (v: string): number => {
        const m = /-(\d{4})(\d{2})\.(\d{2})\.\d+$/.exec(v) ?? /-(\d{4})\.(\d{2})\.(\d{2})$/.exec(v) ?? /\.(\d{2})(\d{2})(\d{2})$/.exec(v);
        const year = m && m[1].length === 2 ? 2000 + Number(m[1]) : Number(m?.[1]);
        return m ? Date.UTC(year, Number(m[2]) - 1, Number(m[3])) : NaN;
    };
    return (day(latest) - day(image)) / 86_400_000;
}

/**
 * R7 as documented: only `None` or `Unmanaged` with auto-upgrade `none` leave node images alone; a cluster that names no node OS channel
 * gets `NodeImage`.
 */
function reimages(cluster: Seed['clusters'][number]): boolean {
    const profile =
        ((cluster.properties ?? {}) as { autoUpgradeProfile?: { upgradeChannel?: string; nodeOSUpgradeChannel?: string } })
            .autoUpgradeProfile ?? {};
    return !['None', 'Unmanaged'].includes(profile.nodeOSUpgradeChannel ?? 'NodeImage') || (profile.upgradeChannel ?? 'none') !== 'none';
}

/** "N pools (M drifted)": the pools of every subscription linked to the snapshot. */
function usage(seed: Seed, snapshot: Seed['snapshots'][number]): string {
    const pools = seed.clusters
        .flatMap((c) => c.pools)
        .map((p) => p.properties as Record<string, unknown>)
        .filter(
            (q) =>
                ((q.creationData as { sourceResourceId?: string } | undefined)?.sourceResourceId ?? '').toLowerCase() ===
                `/subscriptions/${snapshot.subscriptionId}/resourceGroups/${snapshot.resourceGroup}/providers/Microsoft.ContainerService/snapshots/${snapshot.name}`.toLowerCase(),
        );
    const drifted = pools.filter(
        (q) => q.nodeImageVersion !== snapshot.nodeImageVersion || q.orchestratorVersion !== snapshot.kubernetesVersion,
    ).length;
    const count = pools.length === 1 ? '1 pool' : `${pools.length} pools`;
    return drifted ? `${count} (${drifted} drifted)` : count;
}

describe('The AKS tree in a real VS Code', () => {
    let api: Awaited<ReturnType<typeof activateExtension>>;

    before(async () => {
        api = await activateExtension();
        await emulator.reset();
        api.tree.refresh();
    });

    afterEach(() => emulator.clearFaults());

    it('activates and reports where it runs', () => {
        console.log(
            `[suite] VS Code ${vscode.version}, Node ${process.version}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, remote ${vscode.env.remoteName ?? 'none'}`,
        );
        assert.ok(vscode.extensions.getExtension('aks-nodepool-snapshots.aks-nodepool-snapshots')?.isActive);
    });

    it('shows exactly the demo seed: subscriptions, clusters, pools and snapshots', async () => {
        const shown = await shownTree(api.tree);
        assert.deepStrictEqual(shown, expectedTree(demoSeed));
    });

    it("reads through VS Code's own network support on connections it keeps: the tree's reads share a few of them", async () => {
        await emulator.clearRequests();
        const changed = nextTreeChange(api.tree);
        await vscode.commands.executeCommand('aksSnapshots.refresh');
        await changed;
        assert.deepStrictEqual(await shownTree(api.tree), expectedTree(demoSeed));
        const reads = (await emulator.requests()).filter((r) => r.method === 'GET');
        // A read on a connection an earlier read opened. Node's https in the extension host goes through VS Code's
        // proxy agent, which keeps no connection: every read opened its own (and paid VS Code's certificates on it).
        const reused = reads.filter((r, i) => reads.slice(0, i).some((earlier) => earlier.connection === r.connection));
        const connections = new Set(reads.map((r) => r.connection)).size;
        assert.ok(reads.length >= 10, `the tree made only ${reads.length} reads`);
        assert.ok(reused.length > 0, `each of the ${reads.length} reads came on a connection of its own`);
        console.log(`[suite] the tree's ${reads.length} reads came on ${connections} connections`);
    });

    it('shows a tooltip with every relevant field of a pool', async () => {
        const [platform] = await api.tree.getChildren();
        const [, eastus] = await api.tree.getChildren(platform);
        const pools = await api.tree.getChildren(eastus);
        const memory = await api.tree.getTreeItem(pools.find((p) => p.id.endsWith('/memory'))!);
        const tooltip = (memory.tooltip as vscode.MarkdownString).value;
        for (const text of [
            'User',
            'Succeeded',
            '1.32.9',
            'AKSAzureLinux-V3gen2-202609.15.0',
            'Linux (AzureLinux)',
            'Standard_E8s_v5',
            'VirtualMachineScaleSets',
            'snap-memory-2609',
        ]) {
            assert.ok(tooltip.includes(text), `tooltip lacks "${text}":\n${tooltip}`);
        }
    });

    it('shows a failing subscription as an error item with a retry, while the others load', async () => {
        await emulator.addFault({
            method: 'GET',
            pathContains: `/subscriptions/${SANDBOX_SUBSCRIPTION}/providers/Microsoft.ContainerService/managedClusters`,
            status: 403,
            body: {
                error: {
                    code: 'AuthorizationFailed',
                    message: 'The client does not have authorization to perform action Microsoft.ContainerService/managedClusters/read.',
                },
            },
        });
        const changed = nextTreeChange(api.tree);
        await vscode.commands.executeCommand('aksSnapshots.refresh');
        await changed;
        const [platform, sandbox] = await shownTree(api.tree);
        assert.deepStrictEqual(platform, expectedTree(demoSeed)[0]);
        assert.strictEqual(sandbox.children?.length, 1);
        const [error] = sandbox.children!;
        assert.strictEqual(error.label, 'Could not load this subscription');
        assert.match(error.description ?? '', /AuthorizationFailed: The client does not have authorization/);
        assert.strictEqual(error.contextValue, 'aksLoadError');

        // Retry (the error item's command) after the fault is gone: the subscription loads.
        const [, sandboxElement] = await api.tree.getChildren();
        const [errorElement] = await api.tree.getChildren(sandboxElement);
        const command = (await api.tree.getTreeItem(errorElement)).command!;
        await emulator.clearFaults();
        await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
        assert.deepStrictEqual((await shownTree(api.tree))[1], expectedTree(demoSeed)[1]);
    });

    it('shows a big subscription page by page: its first clusters under a row that says more are loading, then the whole of it', async () => {
        // One cluster a page: the second page makes the subscription one to show as it loads (its snapshots come later).
        await emulator.knobs({ pageSize: 1 });
        await emulator.addFault({
            method: 'GET',
            pathContains: `/subscriptions/${PLATFORM_SUBSCRIPTION}/providers/Microsoft.ContainerService/snapshots`,
            action: 'delay',
            delayMs: 1000,
            times: 1,
        });
        try {
            api.tree.refresh();
            const [platform] = await api.tree.getChildren();
            let shownAgain = 0;
            let turnedBig = (): void => undefined;
            const big = new Promise<void>((resolve) => (turnedBig = resolve));
            const listener = api.tree.onDidChangeTreeData((e) => {
                if (e?.id === platform.id) {
                    shownAgain++;
                    turnedBig();
                }
            });
            // Expanded, as the view would: the whole is on its way, and the view is asked again once the subscription turns out big.
            const whole = api.tree.getChildren(platform);
            await big;
            const first = await Promise.all((await api.tree.getChildren(platform)).map(async (e) => await api.tree.getTreeItem(e)));
            const expected = expectedTree(demoSeed)[0];
            const clusterNames = expected.children!.filter((c) => c.contextValue?.includes('aksCluster')).map((c) => c.label);
            const labels = first.map((i) => String(typeof i.label === 'object' ? i.label.label : i.label));
            assert.strictEqual(labels.length, 3, labels.join(', '));
            assert.ok(
                labels.slice(0, 2).every((l) => clusterNames.includes(l)),
                labels.join(', '),
            );
            assert.deepStrictEqual(
                labels.slice(0, 2),
                [...labels.slice(0, 2)].sort((a, b) => a.localeCompare(b)),
            );
            assert.strictEqual(labels[2], 'Loading more clusters… (2 so far)');
            assert.strictEqual((first[2].iconPath as vscode.ThemeIcon).id, 'loading~spin');

            // The view is told to show it again as the rest arrives, and then shows exactly the whole subscription.
            await (platform as typeof platform & { load(): Promise<unknown> }).load();
            listener.dispose();
            assert.ok(shownAgain >= 2, 'the view was told the subscription turned big, and grew');
            assert.strictEqual((await whole).length, expected.children!.length, 'the first asking has the whole subscription');
            assert.deepStrictEqual((await shownTree(api.tree))[0], expected);
        } finally {
            await emulator.knobs({ pageSize: 50 });
            api.tree.refresh();
        }
    });

    it('reaches no host but the emulator (no telemetry, no experiments)', async () => {
        // Since before activation (test/suite/index.ts), then again from a fresh sign-in to every list.
        const from = 0;
        const changed = nextTreeChange(api.tree);
        await vscode.commands.executeCommand('aksSnapshots.refresh');
        await changed;
        await shownTree(api.tree);
        const emulatorHost = new URL(emulatorUrl());
        const connections = connectionsSince(from);
        assert.ok(
            connections.some((c) => c.port === Number(emulatorHost.port)),
            'no connection to the emulator was recorded: the recorder is not working',
        );
        // A lookup of the emulator's own IP literal resolves without the network (the suites' local servers listen on it).
        const elsewhere = connections.filter(
            (c) => !(c.host === emulatorHost.hostname && (c.port === Number(emulatorHost.port) || c.via === 'dns')),
        );
        assert.deepStrictEqual(elsewhere, []);
    });

    it("ignores workspace settings that would send the token elsewhere: that host gets no request, the user's cloud is used", async () => {
        const elsewhere = await startEmulator({ seed: 'empty' });
        const cloud = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
        const settingsFile = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json');
        const hadSettings = fs.existsSync(settingsFile);
        try {
            const changed = nextTreeChange(api.tree);
            await cloud.update(
                'customEnvironment',
                { ...emulatorCloudSettings(elsewhere)['microsoft-sovereign-cloud.customEnvironment'] },
                vscode.ConfigurationTarget.Workspace,
            );
            await cloud.update('environment', 'custom', vscode.ConfigurationTarget.Workspace);
            await changed;
            // (aksSnapshots.authentication is application-scoped: VS Code itself refuses a workspace value.)
            assert.deepStrictEqual(workspaceOverrides().sort(), [
                'microsoft-sovereign-cloud.customEnvironment',
                'microsoft-sovereign-cloud.environment',
            ]);
            assert.deepStrictEqual(
                await shownTree(api.tree),
                expectedTree(demoSeed),
                "the tree still comes from the user's own cloud and sign-in",
            );
            assert.deepStrictEqual(elsewhere.requests, []);
        } finally {
            await cloud.update('customEnvironment', undefined, vscode.ConfigurationTarget.Workspace);
            await cloud.update('environment', undefined, vscode.ConfigurationTarget.Workspace);
            if (!hadSettings) {
                fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
            }
            await elsewhere.close();
        }
    });

    it('shows the sign-in welcome view when signed out', async () => {
        const configuration = vscode.workspace.getConfiguration('aksSnapshots');
        const changed = nextTreeChange(api.tree);
        await configuration.update('authentication', 'vscode', vscode.ConfigurationTarget.Global);
        try {
            await changed;
            // An empty root is what makes VS Code show the view's welcome content ("Sign in to Azure…").
            assert.deepStrictEqual(await shownTree(api.tree), []);
            assert.strictEqual(await api.services.account.isSignedIn(), false);
        } finally {
            const restored = nextTreeChange(api.tree);
            await configuration.update('authentication', 'environment', vscode.ConfigurationTarget.Global);
            await restored;
        }
        assert.strictEqual((await shownTree(api.tree)).length, 2);
    });
});
