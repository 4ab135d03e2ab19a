import * as assert from 'assert';
import { PLATFORM_SUBSCRIPTION, SANDBOX_SUBSCRIPTION } from '../emulator/seeds';
import { ids } from './seedIds';
import { ESC, Meanwhile, RejectedInput, TestUserInput } from './TestUserInput';
import { emulator, runCommand, TestApi, withFreshSeed } from './testApi';

describe('Upgrade Node Pool to Snapshot', () => {
    const testApi = withFreshSeed();
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    async function poolJson(id: string): Promise<{ properties: Record<string, unknown> }> {
        const service = await api.services.forSubscription(PLATFORM_SUBSCRIPTION);
        return (await service.getResourceJson(id)) as { properties: Record<string, unknown> };
    }

    it('upgrades Kubernetes and image: the pool is sent back whole with only version and snapshot link changed, with If-Match', async () => {
        const before = await poolJson(ids.pool.memory);
        await emulator.clearRequests();
        const ui = new TestUserInput(['snap-memory-2611', '33%', 'Upgrade']);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.upgradeToSnapshot',
            ui,
            await api.tree.findElement(ids.pool.memory),
        );

        const confirm = ui.ofKind('message')[0];
        assert.strictEqual(confirm.text, 'Upgrade node pool "memory" of "aks-prod-eastus" to snapshot "snap-memory-2611"?');
        for (const line of [
            'Kubernetes version: 1.32.9 → 1.33.5',
            'Node image: AKSAzureLinux-V3gen2-202609.15.0 → AKSAzureLinux-V3gen2-202611.03.0',
            'Snapshot link: snap-memory-2609 → snap-memory-2611',
            'Path: Kubernetes upgrade of the whole pool, max surge 33%.',
        ]) {
            assert.ok(confirm.detail?.includes(line), `confirmation lacks "${line}":\n${confirm.detail}`);
        }
        const [put, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.strictEqual(put.method, 'PUT');
        const expected = JSON.parse(JSON.stringify(before)) as { properties: Record<string, unknown> };
        // Not sent back: the read-only fields, and those whose setting starts another action (a rollback, a stop).
        for (const dropped of ['provisioningState', 'currentOrchestratorVersion', 'eTag', 'nodeImageVersion', 'powerState']) {
            delete expected.properties[dropped];
        }
        expected.properties.orchestratorVersion = '1.33.5';
        expected.properties.creationData = { sourceResourceId: ids.snapshot.memory2611 };
        expected.properties.upgradeSettings = { ...(expected.properties.upgradeSettings as object), maxSurge: '33%' };
        assert.deepStrictEqual(put.body, expected);
        assert.strictEqual(put.headers['if-match'], before.properties.eTag);
        assert.match(
            confirm.detail!,
            /⚠ Cluster "aks-prod-eastus" has nodeOSUpgradeChannel "NodeImage": at its maintenance window AKS moves the pool to the latest node image, off the snapshot's\./,
        );

        const item = await api.tree.getTreeItem((await api.tree.findElement(ids.pool.memory))!);
        assert.strictEqual(
            item.description,
            'User · AzureLinux · Standard_E8s_v5 · AKSAzureLinux-V3gen2-202611.03.0 · ◆ snap-memory-2611 · at risk',
        );
        assert.strictEqual(
            result.azCommand,
            `az aks nodepool upgrade --subscription ${PLATFORM_SUBSCRIPTION} --resource-group rg-platform-eastus ` +
                `--cluster-name aks-prod-eastus --name memory --snapshot-id ${ids.snapshot.memory2611} --max-surge 33% --yes`,
        );
    });

    it('when the pool changes while the confirmation is open, reads it again and checks again: an image that moved past the snapshot is refused', async () => {
        // A colleague upgrades the pool's node image to the latest while the person reads the confirmation.
        const ui = new TestUserInput(['snap-gpu-2611', new Meanwhile(() => emulator.upgradeNodeImage(ids.pool.gpu), 'Upgrade')]);
        await assert.rejects(
            runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.gpu)),
            /Node pool "gpu" changed since you confirmed \(nodeImageVersion: AKSUbuntu-2204gen2containerd-202610\.20\.0 → AKSUbuntu-2204gen2containerd-202611\.17\.0\), and nothing was sent\. Node image AKSUbuntu-2204gen2containerd-202611\.03\.0 of the snapshot is not newer/,
        );
        assert.deepStrictEqual(await emulator.writes(), [], 'the read just before sending saw the change: nothing was sent');
        const item = await api.tree.getTreeItem((await api.tree.findElement(ids.pool.gpu))!);
        assert.match(
            String(item.description),
            /202611\.17\.0$/,
            "the pool keeps the newer image: it is not moved back to the snapshot's older one",
        );
    });

    it('upgrades the node image only when the versions are equal (R6): no body, the AKSSnapshotId header, no surge question', async () => {
        const ui = new TestUserInput(['snap-gpu-2611', 'Upgrade']);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.upgradeToSnapshot',
            ui,
            await api.tree.findElement(ids.pool.gpu),
        );
        assert.deepStrictEqual(ui.ofKind('inputBox'), []);
        assert.match(
            ui.ofKind('message')[0].detail!,
            /Path: node image only \(equal Kubernetes versions\); surge and drain settings do not apply\./,
        );
        const [post, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.strictEqual(post.method, 'POST');
        assert.match(post.url, /\/agentPools\/gpu\/upgradeNodeImageVersion\?api-version=/);
        assert.strictEqual(post.headers.akssnapshotid, ids.snapshot.gpu);
        assert.strictEqual(post.body, undefined);
        const item = await api.tree.getTreeItem((await api.tree.findElement(ids.pool.gpu))!);
        assert.strictEqual(
            item.description,
            'User · Ubuntu · Standard_NC6s_v3 · AKSUbuntu-2204gen2containerd-202611.03.0 · ◆ snap-gpu-2611 · at risk',
        );
        assert.match(result.azCommand, /--name gpu --snapshot-id \S+snap-gpu-2611 --node-image-only --yes$/);
    });

    it('lists every snapshot; those that cannot apply show why and cannot be chosen (R1, R5, R13)', async () => {
        const ui = new TestUserInput(['snap-system-2611', ESC]);
        assert.strictEqual(await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.memory)), undefined);
        const [pick, again] = ui.ofKind('quickPick');
        const reason = (name: string): string => pick.items!.find((i) => i.label.endsWith(name))!.detail!;
        assert.strictEqual(pick.items![0].label, 'snap-memory-2611', 'the usable snapshot comes first');
        assert.match(
            reason('snap-system-2611'),
            /VM size "Standard_E8s_v5" is not of the VM family and CPU architecture of Standard_D4s_v5/,
        );
        assert.match(reason('snap-win-2610'), /Snapshot "snap-win-2610" is Windows and the pool is Linux: the OS type must match/);
        assert.match(
            reason('snap-k8s130'),
            /Kubernetes version 1\.30\.7 of the snapshot is older than the pool's 1\.32\.9: an upgrade cannot go back/,
        );
        assert.match(
            reason('snap-memory-2609'),
            /Node image AKSAzureLinux-V3gen2-202609\.15\.0 of the snapshot is not newer than the pool's AKSAzureLinux-V3gen2-202609\.15\.0/,
        );
        // Another subscription's snapshots are listed too (R13).
        assert.ok(pick.items!.some((i) => i.label.endsWith('snap-sandbox-2611')));
        assert.match(again.text, /"snap-system-2611" cannot be used/);
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('refuses to pass the control plane or skip a minor version (R5)', async () => {
        const ui = new TestUserInput([ESC]);
        await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.legacy));
        const reason = ui.ofKind('quickPick')[0].items!.find((i) => i.label.endsWith('snap-sandbox-2611'))!.detail!;
        assert.match(reason, /Kubernetes version 1\.34\.1 is newer than the control plane of cluster "aks-legacy" \(1\.32\.9\)/);
    });

    it('a pool whose upgrade to the snapshot ended Failed can be sent the same upgrade again: Retry', async () => {
        await emulator.addFault({
            method: 'POST',
            pathContains: '/agentPools/gpu/upgradeNodeImageVersion',
            action: 'failOperation',
            times: 1,
            error: { code: 'VMExtensionProvisioningError', message: 'A node failed to start.' },
        });
        await assert.rejects(
            runCommand(
                'aksSnapshots.upgradeToSnapshot',
                new TestUserInput(['snap-gpu-2611', 'Upgrade']),
                await api.tree.findElement(ids.pool.gpu),
            ),
            /failed in Azure: A node failed to start\. \(VMExtensionProvisioningError\)/,
        );
        api.tree.refresh();
        const ui = new TestUserInput(['snap-gpu-2611', 'Retry']);
        await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.gpu));
        assert.match(
            ui.ofKind('message')[0].text,
            /The upgrade of node pool "gpu" of "aks-prod-eastus" to snapshot "snap-gpu-2611" ended Failed\. Send it again\?/,
        );
        const posts = (await emulator.writes()).filter((w) => /upgradeNodeImageVersion/.test(w.url));
        assert.deepStrictEqual(
            posts.map((p) => p.headers.akssnapshotid),
            [ids.snapshot.gpu, ids.snapshot.gpu],
            'the same upgrade, sent again',
        );
        const pool = (await emulator.resources()).find((r) => r.id === ids.pool.gpu.toLowerCase());
        assert.strictEqual(pool?.state, 'Succeeded');
    });

    it('a stopped cluster takes only start or delete: upgrade, snapshot and pin are refused saying so, and nothing is sent (R10)', async () => {
        await emulator.setPowerState(ids.eastus, 'Stopped');
        api.tree.refresh();
        await assert.rejects(
            runCommand('aksSnapshots.upgradeToSnapshot', new TestUserInput([]), await api.tree.findElement(ids.pool.gpu)),
            /Cluster "aks-prod-eastus" is stopped: AKS takes only start or delete on a stopped cluster\. Start it first\./,
        );
        await assert.rejects(
            runCommand('aksSnapshots.createSnapshot', new TestUserInput([]), await api.tree.findElement(ids.pool.gpu)),
            /Node pool "gpu" is stopped: AKS takes only start or delete on a stopped pool/,
        );
        await assert.rejects(
            runCommand('aksSnapshots.pinCluster', new TestUserInput([]), await api.tree.findElement(ids.eastus)),
            /Cluster "aks-prod-eastus" is stopped/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
        // The menus offer none of it either.
        const pool = await api.tree.getTreeItem((await api.tree.findElement(ids.pool.gpu))!);
        const cluster = await api.tree.getTreeItem((await api.tree.findElement(ids.eastus))!);
        assert.doesNotMatch(`${String(pool.contextValue)} ${String(cluster.contextValue)}`, /aksUpgradable|aksSnapshotSource|aksReady/);
    });

    it('refuses a pool in the middle of an operation (R10) before asking anything', async () => {
        const ui = new TestUserInput([]);
        await assert.rejects(
            runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.batch)),
            /Node pool "batch" is Upgrading/,
        );
        assert.strictEqual(ui.shown.length, 0);
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('refuses a snapshot whose image is more than 90 days past its publish date (R12), naming the date and the page', async () => {
        const ui = new TestUserInput([ESC]);
        assert.strictEqual(await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.legacy)), undefined);
        const reason = ui.ofKind('quickPick')[0].items!.find((i) => i.label.endsWith('snap-legacy-2505'))!.detail!;
        assert.match(
            reason,
            /The snapshot's node image AKSUbuntu-2204gen2containerd-202505\.20\.0 was published on 2025-05-20, \d+ days ago; AKS upgrades a pool to a snapshot only while its node image is within 90 days of its publish date \(AKS page "Use node pool snapshots", learn\.microsoft\.com\/azure\/aks\/node-pool-snapshot\)/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('says which subscription could not be read, and still lists the others', async () => {
        await emulator.addFault({
            method: 'GET',
            pathContains: `/subscriptions/${SANDBOX_SUBSCRIPTION}/providers/Microsoft.ContainerService/snapshots`,
            status: 403,
            body: { error: { code: 'AuthorizationFailed', message: 'No read access to snapshots.' } },
        });
        const ui = new TestUserInput([ESC]);
        await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.memory));
        const [pick] = ui.ofKind('quickPick');
        assert.match(pick.text, /\(Not read: Contoso Sandbox: AuthorizationFailed: No read access to snapshots\.\)$/);
        assert.ok(pick.items!.some((i) => i.label === 'snap-memory-2611'));
        assert.ok(!pick.items!.some((i) => i.label.endsWith('snap-sandbox-2611')));
    });

    it('Advanced Options… (Kubernetes path): max unavailable, drain timeout and node soak reach Azure with the rest of the pool kept; bad values refused inline', async () => {
        const bad = new TestUserInput(['snap-memory-2611', '', 'Advanced Options…', 'Node soak duration (minutes)', '31']);
        await assert.rejects(
            runCommand('aksSnapshots.upgradeToSnapshot', bad, await api.tree.findElement(ids.pool.memory)),
            (e: unknown) =>
                e instanceof RejectedInput && /Node soak duration \(minutes\) "31" is invalid: it takes 0–30 \(AKS\)\./.test(e.message),
        );
        const before = await poolJson(ids.pool.memory);
        await emulator.clearRequests();
        const ui = new TestUserInput([
            'snap-memory-2611',
            '33%',
            'Advanced Options…',
            'Max unavailable',
            '1',
            'Drain timeout (minutes)',
            '45',
            'Node soak duration (minutes)',
            '5',
            'Done',
            'Upgrade',
        ]);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.upgradeToSnapshot',
            ui,
            await api.tree.findElement(ids.pool.memory),
        );
        const [put] = await emulator.writes();
        const expected = JSON.parse(JSON.stringify(before)) as { properties: Record<string, unknown> };
        // Not sent back: the read-only fields, and those whose setting starts another action (a rollback, a stop).
        for (const dropped of ['provisioningState', 'currentOrchestratorVersion', 'eTag', 'nodeImageVersion', 'powerState']) {
            delete expected.properties[dropped];
        }
        expected.properties.orchestratorVersion = '1.33.5';
        expected.properties.creationData = { sourceResourceId: ids.snapshot.memory2611 };
        expected.properties.upgradeSettings = {
            ...(expected.properties.upgradeSettings as object),
            maxSurge: '33%',
            maxUnavailable: '1',
            drainTimeoutInMinutes: 45,
            nodeSoakDurationInMinutes: 5,
        };
        assert.deepStrictEqual(put.body, expected);
        assert.ok(ui.ofKind('message')[1].detail?.includes('Drain timeout: 45 minutes'), 'the summary shows what was set');
        assert.match(result.azCommand, / --max-surge 33% --max-unavailable 1 --drain-timeout 45 --node-soak-duration 5 --yes$/);
    });

    it('a surge-less upgrade: max surge 0 only with max unavailable of 1 or more (no Upgrade button before), and a node that cannot be drained cordoned; all reach Azure and the az line', async () => {
        await emulator.clearRequests();
        const ui = new TestUserInput([
            'snap-memory-2611',
            '0',
            'Advanced Options…',
            'Max unavailable',
            '1',
            'Nodes that cannot be drained',
            'Cordon',
            'Done',
            'Upgrade',
        ]);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.upgradeToSnapshot',
            ui,
            await api.tree.findElement(ids.pool.memory),
        );
        const [blocked, confirmed] = ui.ofKind('message');
        assert.match(blocked.detail ?? '', /⛔ Max surge "0" \(no surge node\) needs Max unavailable of at least 1/);
        assert.deepStrictEqual(
            blocked.items?.map((i) => i.label),
            ['Advanced Options…'],
            'no Upgrade until max unavailable is set',
        );
        assert.ok(confirmed.items?.some((i) => i.label === 'Upgrade'));
        assert.match(
            confirmed.detail ?? '',
            /Max unavailable: 1\nNodes that cannot be drained: Cordon\nGuard: sent with the eTag of this read \(If-Match\), so Azure refuses it if "memory" changed meanwhile\./,
        );
        const [put] = await emulator.writes();
        const settings = (put.body as { properties: { upgradeSettings: Record<string, unknown> } }).properties.upgradeSettings;
        assert.deepStrictEqual([settings.maxSurge, settings.maxUnavailable, settings.undrainableNodeBehavior], ['0', '1', 'Cordon']);
        assert.match(result.azCommand, / --max-surge 0 --max-unavailable 1 --undrainable-node-behavior Cordon --yes$/);
        assert.strictEqual(
            ((await poolJson(ids.pool.memory)) as { properties: { provisioningState: string } }).properties.provisioningState,
            'Succeeded',
            'AKS took it',
        );
    });

    it('the node-image-only path offers no advanced options (R6: surge and drain settings do not apply)', async () => {
        const ui = new TestUserInput(['snap-gpu-2611', ESC]);
        await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(ids.pool.gpu));
        assert.ok(!ui.ofKind('message')[0].items?.some((i) => /Advanced/.test(i.label)));
        // The node image upgrade takes no If-Match in Azure's REST spec: the confirmation says how it is guarded instead.
        assert.match(
            ui.ofKind('message')[0].detail ?? '',
            /Guard: Azure offers no eTag condition here, so "gpu" is read again just before sending/,
        );
    });
});
