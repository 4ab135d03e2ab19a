import * as assert from 'assert';
import type * as vscode from 'vscode';
import { clusterId, nodePoolId, snapshotId } from '../../src/model/armId';
import type { AksTreeElement } from '../../src/tree/AksTreeElement';
import { FLEET_EAST_SUBSCRIPTION, FLEET_WEST_SUBSCRIPTION } from '../emulator/seeds';
import { ids } from './seedIds';
import { ESC, TestUserInput } from './TestUserInput';
import { emulator, runCommand, TestApi, withFreshSeed } from './testApi';

const fleet = {
    pinned: clusterId(FLEET_EAST_SUBSCRIPTION, 'rg-fleet', 'aks-fleet-pinned'),
    reimaged: clusterId(FLEET_EAST_SUBSCRIPTION, 'rg-fleet', 'aks-fleet-reimaged'),
    west: clusterId(FLEET_WEST_SUBSCRIPTION, 'rg-fleet-west', 'aks-fleet-west'),
    snapshot: (name: string): string => snapshotId(FLEET_EAST_SUBSCRIPTION, 'rg-fleet-snapshots', name),
};

/** Every element of the tree, expanded as a person would, with what its row and tooltip say. */
async function everyRow(api: TestApi, element?: AksTreeElement): Promise<{ id: string; item: vscode.TreeItem }[]> {
    const rows: { id: string; item: vscode.TreeItem }[] = [];
    for (const child of await api.tree.getChildren(element)) {
        const item = await api.tree.getTreeItem(child);
        rows.push({ id: child.id, item });
        if (item.collapsibleState) {
            rows.push(...(await everyRow(api, child)));
        }
    }
    return rows;
}

const tooltipOf = (item: vscode.TreeItem): string => (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''));

describe('Pools that stay on their snapshot (R7): drift, at risk, Pin Cluster, compare', () => {
    const getApi = withFreshSeed('fleet');
    let api: TestApi;
    beforeEach(() => (api = getApi()));

    it('states in words, and no drift mark while an operation runs on the pool (its versions are on their way)', async () => {
        const pool = `${fleet.pinned}/agentPools/drifted`;
        await emulator.setProvisioningState(pool, 'UpgradingNodeImageVersion');
        api.tree.refresh();
        const item = await api.tree.getTreeItem((await api.tree.findElement(pool))!);
        assert.match(String(item.description), /^Upgrading node image · User · /);
        assert.doesNotMatch(String(item.description), /drifted|◇/);
        assert.match(String(item.description), /◆ snap-fleet-2610$/);
        assert.strictEqual(
            item.accessibilityInformation?.label,
            'Node pool drifted, Upgrading node image, User, Ubuntu, Standard_D4s_v5, node image AKSUbuntu-2204gen2containerd-202611.17.0, on snapshot snap-fleet-2610',
            'a screen reader hears the state and the snapshot in words, not ◆',
        );
    });

    it("marks exactly the seed's drifted and at-risk pools, with the reason, and counts each snapshot's pools", async () => {
        const rows = await everyRow(api);
        const pools = rows.filter((r) => /\/agentpools\//i.test(r.id));
        const marked = (word: string): string[] =>
            pools
                .filter((r) => String(r.item.description).split(' · ').includes(word))
                .map((r) =>
                    r.id
                        .split('/')
                        .slice(-3)
                        .filter((_, i) => i !== 1)
                        .join('/'),
                )
                .sort();
        assert.deepStrictEqual(marked('drifted'), ['aks-fleet-pinned/drifted', 'aks-fleet-reimaged/system']);
        assert.deepStrictEqual(marked('at risk'), ['aks-fleet-reimaged/atrisk', 'aks-fleet-reimaged/system']);

        const row = (id: string): vscode.TreeItem => rows.find((r) => r.id.toLowerCase() === id.toLowerCase())!.item;
        assert.strictEqual(
            row(`${fleet.pinned}/agentPools/drifted`).description,
            'User · Ubuntu · Standard_D4s_v5 · AKSUbuntu-2204gen2containerd-202611.17.0 · ◇ snap-fleet-2610 · drifted',
        );
        assert.match(
            tooltipOf(row(`${fleet.pinned}/agentPools/drifted`)),
            /node image AKSUbuntu-2204gen2containerd-202611\.17\.0, the snapshot's is AKSUbuntu-2204gen2containerd-202610\.\d+\.\d/,
        );
        assert.strictEqual(
            row(`${fleet.pinned}/agentPools/drifted`).accessibilityInformation?.label,
            'Node pool drifted, User, Ubuntu, Standard_D4s_v5, node image AKSUbuntu-2204gen2containerd-202611.17.0, drifted from snapshot snap-fleet-2610',
        );
        assert.match(
            String(row(`${fleet.reimaged}/agentPools/atrisk`).accessibilityInformation?.label),
            /, at risk: its cluster's channels will re-image it/,
        );
        assert.ok(
            rows.every((r) => r.item.accessibilityInformation?.label && !/[◆◇]/.test(r.item.accessibilityInformation.label)),
            'every row has words for a screen reader, no marks',
        );
        assert.strictEqual(
            row(`${fleet.pinned}/agentPools/system`).description,
            'System · Ubuntu · Standard_D4s_v5 · AKSUbuntu-2204gen2containerd-202611.03.0 · ◆ snap-fleet-2611',
            'on its snapshot, in a cluster that holds the pin: no mark',
        );
        const reimagedSystem = tooltipOf(row(`${fleet.reimaged}/agentPools/system`));
        assert.match(reimagedSystem, /Kubernetes 1\.34\.1, the snapshot's is 1\.33\.5/);
        assert.match(reimagedSystem, /nodeOSUpgradeChannel "NodeImage"/);

        assert.match(String(row(fleet.snapshot('snap-fleet-2611')).description), / · 3 pools \(1 drifted\)$/);
        assert.match(String(row(fleet.snapshot('snap-fleet-2610')).description), / · 1 pool \(1 drifted\)$/);
        assert.match(String(row(fleet.snapshot('snap-noble-2611')).description), / · 0 pools$/);
        assert.match(String(row(fleet.reimaged).contextValue), /aksReimages/, 'Pin Cluster… is offered where the channels re-image');
        assert.doesNotMatch(String(row(fleet.pinned).contextValue), /aksReimages/);
    });

    it('Pin Cluster… changes only the channels: the PUT is the cluster as served but them, with If-Match; the marks go', async () => {
        const served = (await (await api.services.forSubscription(FLEET_EAST_SUBSCRIPTION)).getResourceJson(fleet.reimaged)) as {
            eTag: string;
            properties: { autoUpgradeProfile: Record<string, string> };
        };
        await emulator.clearRequests();
        const ui = new TestUserInput(['Pin Cluster']);
        const result = await runCommand<{ azCommand: string }>('aksSnapshots.pinCluster', ui, await api.tree.findElement(fleet.reimaged));
        const [confirm] = ui.ofKind('message');
        assert.strictEqual(confirm.text, 'Pin cluster "aks-fleet-reimaged" to its node images?');
        assert.ok(
            confirm.detail?.includes('Node OS upgrade channel: NodeImage → None') &&
                confirm.detail.includes('Auto-upgrade channel: node-image → none'),
            confirm.detail,
        );

        const [put, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.strictEqual(put.method, 'PUT');
        assert.strictEqual(put.headers['if-match'], served.eTag);
        const expected = JSON.parse(JSON.stringify(served)) as typeof served;
        expected.properties.autoUpgradeProfile = {
            ...expected.properties.autoUpgradeProfile,
            upgradeChannel: 'none',
            nodeOSUpgradeChannel: 'None',
        };
        assert.deepStrictEqual(put.body, expected);
        assert.strictEqual(
            result.azCommand,
            `az aks update --subscription ${FLEET_EAST_SUBSCRIPTION} --resource-group rg-fleet --name aks-fleet-reimaged --auto-upgrade-channel none --node-os-upgrade-channel None`,
        );

        const rows = await everyRow(api);
        const atRisk = rows.filter((r) => String(r.item.description).includes('at risk'));
        assert.deepStrictEqual(
            atRisk.map((r) => r.id),
            [],
            'no pool of the pinned cluster is at risk any more',
        );

        const again = new TestUserInput([]);
        await emulator.clearRequests();
        assert.strictEqual(await runCommand('aksSnapshots.pinCluster', again, await api.tree.findElement(fleet.reimaged)), undefined);
        assert.deepStrictEqual(await emulator.writes(), [], 'a cluster that already keeps its images is left alone');
    });

    it('Pin Cluster… keeps Unmanaged and refuses a busy cluster (R10) before sending', async () => {
        const unmanaged = clusterId(FLEET_WEST_SUBSCRIPTION, 'rg-fleet-west', 'aks-fleet-unmanaged');
        const ui = new TestUserInput(['Pin Cluster']);
        await runCommand('aksSnapshots.pinCluster', ui, await api.tree.findElement(unmanaged));
        const [put] = await emulator.writes();
        assert.deepStrictEqual((put.body as { properties: { autoUpgradeProfile: unknown } }).properties.autoUpgradeProfile, {
            upgradeChannel: 'none',
            nodeOSUpgradeChannel: 'Unmanaged',
        });

        await emulator.clearRequests();
        await emulator.setProvisioningState(fleet.west, 'Upgrading');
        api.tree.refresh();
        await assert.rejects(
            runCommand('aksSnapshots.pinCluster', new TestUserInput([]), await api.tree.findElement(fleet.west)),
            /Cluster "aks-fleet-west" is Upgrading/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('Compare with Snapshot… opens a diff of the fields that matter, VM facts from Azure', async () => {
        const ui = new TestUserInput(['snap-fleet-2610']);
        const shown = await runCommand<{ snapshot: string; pool: string }>(
            'aksSnapshots.compareWithSnapshot',
            ui,
            await api.tree.findElement(`${fleet.pinned}/agentPools/drifted`),
        );
        const [pick] = ui.ofKind('quickPick');
        assert.strictEqual(pick.items![0].label, 'snap-fleet-2610', 'the linked snapshot comes first');
        assert.match(pick.items![0].description!, /^linked · /);
        const line = (text: string, label: string): string =>
            text
                .split('\n')
                .find((l) => l.startsWith(`${label}: `))
                ?.slice(label.length + 2) ?? `(no ${label})`;
        assert.strictEqual(line(shown.pool, 'Node image'), 'AKSUbuntu-2204gen2containerd-202611.17.0');
        assert.strictEqual(line(shown.pool, 'Node image date'), '2026-11-17');
        assert.match(line(shown.snapshot, 'Node image'), /^AKSUbuntu-2204gen2containerd-202610\./);
        for (const [label, value] of [
            ['Kubernetes version', '1.33.5'],
            ['OS type', 'Linux'],
            ['OS SKU', 'Ubuntu'],
            ['Ubuntu release', '22.04'],
            ['FIPS', 'disabled'],
            ['VM size', 'Standard_D4s_v5'],
            ['VM series', 'D'],
            ['CPU architecture', 'x64'],
            ['vCPUs available', '4'],
            ['Node image Hyper-V generation', 'V2'],
        ]) {
            assert.strictEqual(line(shown.pool, label), value, label);
            assert.strictEqual(line(shown.snapshot, label), value, label);
        }
        assert.match(line(shown.pool, 'Hyper-V generations of the size'), /V2/);
        assert.strictEqual(line(shown.pool, 'Cluster node OS upgrade channel'), 'None');
        assert.strictEqual(line(shown.pool, 'Cluster auto-upgrade channel'), 'none');
        assert.match(line(shown.snapshot, 'Cluster node OS upgrade channel'), /a snapshot has no cluster/);
        assert.deepStrictEqual(
            shown.pool
                .split('\n')
                .map((l) => l.split(':')[0])
                .slice(2),
            shown.snapshot
                .split('\n')
                .map((l) => l.split(':')[0])
                .slice(2),
            'the same fields in the same order',
        );
    });

    it('Compare with Pool… offers the pools using the snapshot first, across subscriptions', async () => {
        const ui = new TestUserInput([/atrisk/]);
        const shown = await runCommand<{ snapshot: string; pool: string }>(
            'aksSnapshots.compareWithPool',
            ui,
            await api.tree.findElement(fleet.snapshot('snap-fleet-2611')),
        );
        const [pick] = ui.ofKind('quickPick');
        assert.deepStrictEqual(
            pick
                .items!.slice(0, 3)
                .map((i) => i.description!.split(' · ').slice(0, 2).join(' · '))
                .sort(),
            ['uses it · aks-fleet-pinned', 'uses it · aks-fleet-reimaged', 'uses it · aks-fleet-reimaged'],
        );
        assert.ok(
            pick.items!.some((i) => i.description!.includes('aks-fleet-west')),
            'pools of the other subscription are offered too',
        );
        assert.match(shown.pool, /^Node pool "atrisk" of cluster "aks-fleet-reimaged"/);
        assert.match(shown.pool, /Cluster node OS upgrade channel: NodeImage/);
    });

    it('R16: a pool from a FIPS snapshot is sent with enableFIPS, as the REST example sends it, and comes up FIPS', async () => {
        const ui = new TestUserInput(['aks-fleet-pinned', 'fipsnew', 'User', 'Standard_D4s_v5', '1', 'Add Node Pool']);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.addNodePool',
            ui,
            await api.tree.findElement(fleet.snapshot('snap-fips-2611')),
        );
        const [put] = (await emulator.writes()).filter((w) => /agentPools\/fipsnew/.test(w.url));
        const sent = (put.body as { properties: Record<string, unknown> }).properties;
        assert.deepStrictEqual(
            [sent.enableFIPS, (sent.creationData as { sourceResourceId: string }).sourceResourceId],
            [true, fleet.snapshot('snap-fips-2611')],
        );
        assert.match(result.azCommand, / --enable-fips-image( |$)/);
        const service = await api.services.forSubscription(FLEET_EAST_SUBSCRIPTION);
        assert.strictEqual(
            (await service.getNodePool(nodePoolId(FLEET_EAST_SUBSCRIPTION, 'rg-fleet', 'aks-fleet-pinned', 'fipsnew'))).enableFips,
            true,
        );
    });

    it('refuses a snapshot of an operating system AKS retired (R15), naming the date and the source; AKS refuses it too', async () => {
        const ui = new TestUserInput(['aks-fleet-pinned', ESC]);
        assert.strictEqual(
            await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(fleet.snapshot('snap-azl2-2512'))),
            undefined,
        );
        const [clusters] = ui.ofKind('quickPick');
        assert.match(
            clusters.items!.find((i) => i.label.endsWith('aks-fleet-pinned'))!.detail ?? '',
            /Snapshot "snap-azl2-2512" is of Azure Linux 2\.0, which AKS retired on 2025-11-30: no updates, and its node images are being removed \(learn\.microsoft\.com\/azure\/aks\/node-auto-provisioning-aksnodeclass\)/,
        );
        assert.deepStrictEqual(await emulator.writes(), [], 'nothing was sent');
        // Sent anyway through the real SDK, AKS's own check answers.
        const service = await api.services.forSubscription(FLEET_EAST_SUBSCRIPTION);
        await assert.rejects(
            service.createNodePoolFromSnapshot(fleet.pinned, {
                name: 'azl2',
                snapshotId: fleet.snapshot('snap-azl2-2512'),
                vmSize: 'Standard_D4s_v5',
                count: 1,
                mode: 'User',
                osType: 'Linux',
                osSku: 'AzureLinux',
                kubernetesVersion: '1.33.5',
            }),
            /Azure Linux 2\.0 is retired/,
        );
    });
});

describe('The pin in the flows (R7)', () => {
    const getApi = withFreshSeed();
    let api: TestApi;
    beforeEach(() => (api = getApi()));

    it('Add Node Pool: "Pin Cluster, Then Add" pins the cluster, then adds the pool; the az lines do both', async () => {
        const ui = new TestUserInput(['aks-prod-eastus', 'pinned', 'User', 'Standard_D4s_v5', '1', 'Pin Cluster, Then Add']);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.addNodePool',
            ui,
            await api.tree.findElement(ids.snapshot.system),
        );
        const writes = await emulator.writes();
        assert.deepStrictEqual(
            writes.map((w) => `${w.method} ${w.url.split('?')[0].split('/').slice(-2).join('/')}`),
            ['PUT managedClusters/aks-prod-eastus', 'PUT agentPools/pinned'],
            'the cluster is pinned first, then the pool is added',
        );
        assert.deepStrictEqual((writes[0].body as { properties: { autoUpgradeProfile: unknown } }).properties.autoUpgradeProfile, {
            upgradeChannel: 'none',
            nodeOSUpgradeChannel: 'None',
        });
        assert.match(
            result.azCommand,
            /^az aks update .* --auto-upgrade-channel none --node-os-upgrade-channel None && az aks nodepool add /,
        );
        const item = await api.tree.getTreeItem((await api.tree.findElement(`${ids.eastus}/agentPools/pinned`))!);
        assert.strictEqual(
            item.description,
            'User · Ubuntu · Standard_D4s_v5 · AKSUbuntu-2204gen2containerd-202611.03.0 · ◆ snap-system-2611',
            'pinned: not at risk',
        );
    });

    it('Upgrade to Snapshot: the confirmation offers "Pin Cluster, Then Upgrade" only where the channels re-image', async () => {
        const ui = new TestUserInput(['snap-gpu-2611', 'Pin Cluster, Then Upgrade']);
        await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.gpu));
        assert.deepStrictEqual(
            ui.ofKind('message')[0].items?.map((i) => i.label),
            ['Upgrade', 'Pin Cluster, Then Upgrade'],
            'the narrow action is the default',
        );
        const writes = await emulator.writes();
        assert.deepStrictEqual(
            writes.map((w) => `${w.method} ${w.url.split('?')[0].split('/').slice(-2).join('/')}`),
            ['PUT managedClusters/aks-prod-eastus', 'POST gpu/upgradeNodeImageVersion'],
        );

        const sandbox = new TestUserInput(['snap-sandbox-2611', ESC]);
        await runCommand(
            'aksSnapshots.upgradeToSnapshot',
            sandbox,
            await api.tree.findElement(nodePoolId(ids.sandbox.split('/')[2], 'rg-sandbox', 'aks-sandbox', 'arm')),
        ).catch(() => undefined);
        const confirm = sandbox.ofKind('message')[0];
        assert.ok(!confirm || !confirm.items?.some((i) => /Pin/.test(i.label)), 'a cluster under None / none is not offered a pin');
    });

    it("Create Cluster: the new cluster's channels keep the snapshot's image unless chosen otherwise, and the summary says why", async () => {
        const ui = new TestUserInput([
            'Contoso Platform',
            'aks-pinned',
            'rg-platform-eastus',
            'East US',
            'aks-pinned',
            'nodepool1',
            'Standard_D4s_v5',
            '3',
            'Create',
        ]);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.createCluster',
            ui,
            await api.tree.findElement(ids.snapshot.system),
        );
        const [confirm] = ui.ofKind('message');
        assert.match(
            confirm.detail!,
            /Automatic upgrades: node OS None, auto-upgrade none: the system pool keeps the snapshot's image until you upgrade it\./,
        );
        const [put] = (await emulator.writes()).filter((w) => /managedClusters\/aks-pinned\?/.test(w.url));
        assert.deepStrictEqual((put.body as { properties: { autoUpgradeProfile: unknown } }).properties.autoUpgradeProfile, {
            upgradeChannel: 'none',
            nodeOSUpgradeChannel: 'None',
        });
        assert.match(result.azCommand, / --auto-upgrade-channel none --node-os-upgrade-channel None$/);
        const cluster = await api.tree.getTreeItem((await api.tree.findElement(ids.eastus.replace('aks-prod-eastus', 'aks-pinned')))!);
        assert.doesNotMatch(String(cluster.contextValue), /aksReimages/);
    });
});
