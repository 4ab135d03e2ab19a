import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AksService } from '../../src/azure/AksService';
import type { OperationEndedError } from '../../src/azure/azureErrors';
import { nodePoolId, snapshotId } from '../../src/model/armId';
import { PLATFORM_SUBSCRIPTION, SANDBOX_SUBSCRIPTION } from '../emulator/seeds';
import { ids } from './seedIds';
import { ESC, TestUserInput } from './TestUserInput';
import { emulator, runCommand, TestApi, withFreshSeed } from './testApi';

const UBUNTU = 'AKSUbuntu-2204gen2containerd-';
const sandboxPool = nodePoolId(SANDBOX_SUBSCRIPTION, 'rg-sandbox', 'aks-sandbox', 'nodepool1');

describe("A pool's life after the upgrade: Roll Back Pool, Abort Operation", () => {
    const testApi = withFreshSeed();
    let api: TestApi;
    let service: AksService;

    beforeEach(async () => {
        api = testApi();
        service = await api.services.forSubscription(PLATFORM_SUBSCRIPTION);
    });
    afterEach(() => emulator.knobs({ operationPolls: 1 }));

    const description = async (id: string): Promise<string> =>
        String((await api.tree.getTreeItem((await api.tree.findElement(id))!)).description);

    it("rolls a pool back after its upgrade: AKS's recent versions offered newest first, from → to confirmed, one PUT with If-Match; the pool is on the earlier image", async () => {
        await runCommand(
            'aksSnapshots.upgradeToSnapshot',
            new TestUserInput(['snap-gpu-2611', 'Upgrade']),
            await api.tree.findElement(ids.pool.gpu),
        );
        assert.match(await description(ids.pool.gpu), /202611\.03\.0 · ◆ snap-gpu-2611/);
        const before = (await service.getResourceJson(ids.pool.gpu)) as { properties: Record<string, unknown> };
        await emulator.clearRequests();

        const ui = new TestUserInput([`Kubernetes 1.33.5 · ${UBUNTU}202610.20.0`, 'Roll Back']);
        const result = await runCommand<{ azCommand: string }>('aksSnapshots.rollBackPool', ui, await api.tree.findElement(ids.pool.gpu));

        const [pick] = ui.ofKind('quickPick');
        assert.deepStrictEqual(
            pick.items?.map((i) => i.label),
            [`Kubernetes 1.33.5 · ${UBUNTU}202610.20.0`],
        );
        assert.match(
            pick.items![0].description!,
            /^last used [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M UTC$/,
            "a date as VS Code's language writes it",
        );
        const confirm = ui.ofKind('message')[0];
        assert.strictEqual(
            confirm.text,
            `Roll node pool "gpu" of "aks-prod-eastus" back to Kubernetes 1.33.5, node image ${UBUNTU}202610.20.0?`,
        );
        for (const line of [
            'Kubernetes version: 1.33.5 → 1.33.5',
            `Node image: ${UBUNTU}202611.03.0 → ${UBUNTU}202610.20.0`,
            '⚠ Cluster "aks-prod-eastus" has node OS upgrade channel "NodeImage": AKS may not restore the earlier node image',
        ]) {
            assert.ok(confirm.detail?.includes(line), `confirmation lacks "${line}":\n${confirm.detail}`);
        }
        const [put, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, [], 'one change');
        assert.strictEqual(put.method, 'PUT');
        assert.strictEqual(put.headers['if-match'], before.properties.eTag);
        const sent = (put.body as { properties: Record<string, unknown> }).properties;
        assert.deepStrictEqual(
            [sent.nodeImageVersion, sent.orchestratorVersion, sent.count, sent.vmSize],
            [`${UBUNTU}202610.20.0`, '1.33.5', before.properties.count, before.properties.vmSize],
            'the pool is sent back whole with only the versions changed',
        );
        // AKS moved it back to the earlier image; it no longer runs the snapshot's image, and AKS dropped the link.
        assert.strictEqual(await description(ids.pool.gpu), `User · Ubuntu · Standard_NC6s_v3 · ${UBUNTU}202610.20.0`);
        assert.strictEqual(
            result.azCommand,
            `az aks nodepool rollback --subscription ${PLATFORM_SUBSCRIPTION} --resource-group rg-platform-eastus --cluster-name aks-prod-eastus --name gpu`,
        );

        // A second rollback in a row: AKS takes none, and the product says so before sending.
        await emulator.clearRequests();
        await assert.rejects(
            runCommand('aksSnapshots.rollBackPool', new TestUserInput([]), await api.tree.findElement(ids.pool.gpu)),
            /Node pool "gpu" cannot be rolled back now\. .*Node pool "gpu" was just rolled back: AKS takes no second rollback in a row\./,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('Upgrade to Snapshot to an older snapshot whose version AKS keeps for the pool: offered as a rollback, and sent as one', async () => {
        // A snapshot of the pool as it is now, then an upgrade away from it.
        const before = snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'gpu-before');
        await service.createSnapshot(before, 'eastus', ids.pool.gpu);
        await runCommand(
            'aksSnapshots.upgradeToSnapshot',
            new TestUserInput(['snap-gpu-2611', 'Upgrade']),
            await api.tree.findElement(ids.pool.gpu),
        );
        api.tree.refresh();
        await emulator.clearRequests();

        const ui = new TestUserInput(['gpu-before', 'Roll Back']);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.upgradeToSnapshot',
            ui,
            await api.tree.findElement(ids.pool.gpu),
        );
        const row = ui.ofKind('quickPick')[0].items!.find((i) => i.label === 'gpu-before')!;
        assert.match(row.description!, /rollback \(AKS keeps this version for the pool\)$/);
        assert.strictEqual(
            ui.ofKind('quickPick')[0].items!.find((i) => i.label.endsWith('snap-system-2611'))?.label,
            '$(circle-slash) snap-system-2611',
            'another older snapshot stays refused',
        );
        const confirm = ui.ofKind('message')[0];
        assert.strictEqual(confirm.text, 'Roll node pool "gpu" of "aks-prod-eastus" back to the version of snapshot "gpu-before"?');
        assert.match(confirm.detail!, /Path: rollback\. AKS keeps Kubernetes 1\.33\.5 with node image \S+202610\.20\.0 for this pool/);
        assert.deepStrictEqual(ui.ofKind('inputBox'), [], 'no surge question: a rollback is not an upgrade');
        const [put, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.deepStrictEqual(
            [put.method, (put.body as { properties: { nodeImageVersion: string } }).properties.nodeImageVersion],
            ['PUT', `${UBUNTU}202610.20.0`],
        );
        assert.strictEqual(await description(ids.pool.gpu), `User · Ubuntu · Standard_NC6s_v3 · ${UBUNTU}202610.20.0`);
        assert.match(result.azCommand, /^az aks nodepool rollback .* --name gpu$/);
    });

    it("a version past AKS's seven days is shown with its reason and cannot be chosen; forced through, and a version not in the list, Azure answers 400", async () => {
        const ui = new TestUserInput([`$(circle-slash) Kubernetes 1.33.5 · ${UBUNTU}202610.20.0`, ESC]);
        await runCommand('aksSnapshots.rollBackPool', ui, await api.tree.findElement(sandboxPool));
        const [first, again] = ui.ofKind('quickPick');
        assert.deepStrictEqual(
            first.items?.map((i) => i.label),
            [`Kubernetes 1.34.1 · ${UBUNTU}202611.03.0`, `$(circle-slash) Kubernetes 1.33.5 · ${UBUNTU}202610.20.0`],
        );
        assert.match(
            first.items![1].detail!,
            /The pool left node image \S+202610\.20\.0 on 2026-11-10 09:00 UTC: AKS keeps a version for rollback only 7 days after the upgrade\./,
        );
        assert.match(again.text, /cannot be used: its reason is under it/);
        assert.deepStrictEqual(await emulator.writes(), []);

        const sandbox = await api.services.forSubscription(SANDBOX_SUBSCRIPTION);
        const pool = await sandbox.getNodePool(sandboxPool);
        await assert.rejects(
            sandbox.rollBackNodePool(pool, { kubernetesVersion: '1.33.5', nodeImageVersion: `${UBUNTU}202610.20.0` }),
            (e: Error & { code?: string }) => e.code === 'OperationNotAllowed' && /only for 7 days after the upgrade/.test(e.message),
        );
        await assert.rejects(
            sandbox.rollBackNodePool(pool, { kubernetesVersion: '1.34.1', nodeImageVersion: `${UBUNTU}202001.01.0` }),
            (e: Error & { code?: string }) => e.code === 'InvalidParameter' && /not one of its recently used versions/.test(e.message),
        );
    });

    it('aborts an upgrade running in Azure: confirmed, one POST …/abort; the pool ends Canceled and the tree says so', async () => {
        await emulator.knobs({ operationPolls: 1000 });
        const pool = await service.getNodePool(ids.pool.gpu);
        const stop = new AbortController();
        const upgrade = service.upgradeNodeImageToSnapshot(pool, ids.snapshot.gpu, { abortSignal: stop.signal }).catch((e: unknown) => e);
        for (
            let i = 0;
            i < 50 &&
            !(await emulator.resources()).some((r) => r.id === ids.pool.gpu.toLowerCase() && r.state === 'UpgradingNodeImageVersion');
            i++
        ) {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        api.tree.refresh();
        const item = await api.tree.getTreeItem((await api.tree.findElement(ids.pool.gpu))!);
        assert.match(String(item.description), /^Upgrading node image · /);
        assert.match(item.contextValue ?? '', /(^|;)aksInOperation(;|$)/);
        await emulator.knobs({ operationPolls: 1 });
        await emulator.clearRequests();

        const ui = new TestUserInput(['Abort Operation']);
        const result = await runCommand<{ azCommand: string }>('aksSnapshots.abortOperation', ui, await api.tree.findElement(ids.pool.gpu));
        assert.strictEqual(ui.ofKind('message')[0].text, 'Abort the operation running on node pool "gpu" (Upgrading node image)?');
        assert.deepStrictEqual(
            (await emulator.writes()).map((w) => `${w.method} ${new URL(w.url, 'https://x').pathname.split('/').slice(-2).join('/')}`),
            ['POST gpu/abort'],
        );
        assert.match(await description(ids.pool.gpu), /^Canceled · User · /);
        assert.strictEqual(
            result.azCommand,
            `az aks nodepool operation-abort --subscription ${PLATFORM_SUBSCRIPTION} --resource-group rg-platform-eastus --cluster-name aks-prod-eastus --name gpu`,
        );
        const ended = await upgrade;
        // The service's class comes from the extension's bundle: its fields are what is compared.
        assert.deepStrictEqual(
            [(ended as OperationEndedError).status, (ended as OperationEndedError).code],
            ['Canceled', 'OperationCanceled'],
            `the upgrade itself ended Canceled in Azure: ${String(ended)}`,
        );
        stop.abort();

        // Nothing runs any more: nothing to abort, nothing sent.
        await emulator.clearRequests();
        assert.strictEqual(
            await runCommand('aksSnapshots.abortOperation', new TestUserInput([]), await api.tree.findElement(ids.pool.gpu)),
            undefined,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('Canceling shows while AKS cancels; Abort Operation is offered on a pool or cluster in an operation only', async () => {
        await emulator.setProvisioningState(ids.pool.gpu, 'Canceling');
        await emulator.setProvisioningState(ids.weu, 'Upgrading');
        api.tree.refresh();
        const pool = await api.tree.getTreeItem((await api.tree.findElement(ids.pool.gpu))!);
        assert.match(String(pool.description), /^Canceling · /);
        const cluster = await api.tree.getTreeItem((await api.tree.findElement(ids.weu))!);
        assert.match(cluster.contextValue ?? '', /(^|;)aksInOperation(;|$)/);
        const idle = await api.tree.getTreeItem((await api.tree.findElement(ids.pool.system))!);
        assert.doesNotMatch(idle.contextValue ?? '', /aksInOperation/);
        assert.match(idle.contextValue ?? '', /(^|;)aksReady(;|$)/);
    });

    const tooltipOf = async (id: string): Promise<string> => {
        const tooltip = (await api.tree.getTreeItem((await api.tree.findElement(id))!)).tooltip;
        return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
    };

    it("what is newer: each pool's latest node image from AKS, a pool more than 30 days behind marked behind; a snapshot against its family's latest in its region", async () => {
        assert.match(await description(ids.pool.memory), / · behind$/);
        assert.match(await tooltipOf(ids.pool.memory), /Latest node image: AKSAzureLinux-V3gen2-202611\.17\.0 \(63 days newer\)/);
        assert.doesNotMatch(await description(ids.pool.gpu), /behind/, '28 days behind: within the 30 days');
        assert.match(await tooltipOf(ids.pool.gpu), /Latest node image: AKSUbuntu-2204gen2containerd-202611\.17\.0 \(28 days newer\)/);
        assert.match(
            await tooltipOf(ids.snapshot.memory2609),
            /Latest of its family in eastus: AKSAzureLinux-V3gen2-202611\.17\.0 \(63 days newer\)/,
        );
        const reads = (await emulator.requests()).filter((r) => /\/agentPools\/memory\/upgradeProfiles\/default/i.test(r.url));
        assert.strictEqual(reads.length, 1, "read once for the tree's life: the pool and the snapshot asked of it share the read");

        // A lower setting marks more pools; the tree is drawn again.
        await vscode.workspace.getConfiguration('aksSnapshots').update('behindDays', 20, vscode.ConfigurationTarget.Global);
        try {
            assert.match(await description(ids.pool.gpu), / · behind$/);
        } finally {
            await vscode.workspace.getConfiguration('aksSnapshots').update('behindDays', undefined, vscode.ConfigurationTarget.Global);
        }
    });

    it('a profile that cannot be read says so in the tooltip and blocks nothing', async () => {
        await emulator.addFault({
            method: 'GET',
            pathContains: '/agentPools/gpu/upgradeProfiles',
            status: 403,
            body: { error: { code: 'AuthorizationFailed', message: 'No read access to upgrade profiles.' } },
        });
        try {
            api.tree.refresh();
            assert.match(await tooltipOf(ids.pool.gpu), /Latest node image: could not be read \(.*No read access to upgrade profiles\./);
            assert.strictEqual(
                await description(ids.pool.gpu),
                'User · Ubuntu · Standard_NC6s_v3 · AKSUbuntu-2204gen2containerd-202610.20.0',
            );
        } finally {
            await emulator.clearFaults();
        }
    });

    it('when AKS will act: the next window of the channel that re-images the pools, or any time when the cluster sets none', async () => {
        assert.match(
            await tooltipOf(ids.pool.weuSystem),
            /AKS re-images it: next window Sat 2026-11-28 00:00–04:00 UTC \(aksManagedNodeOSUpgradeSchedule\)/,
        );
        assert.match(
            await tooltipOf(ids.pool.memory),
            /AKS re-images it: at any time: the cluster sets no aksManagedNodeOSUpgradeSchedule window/,
        );
        assert.doesNotMatch(await tooltipOf(sandboxPool), /AKS re-images it/, 'a pinned cluster: nothing to say');
    });
});
