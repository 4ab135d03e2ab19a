import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PoolOptionDescriptor } from '../../src/model/poolOptions';
import { SANDBOX_SUBSCRIPTION } from '../emulator/seeds';
import { ids } from './seedIds';
import { DEFAULT, ESC, RejectedInput, TestUserInput } from './TestUserInput';
import { emulator, runCommand, TestApi, withFreshSeed } from './testApi';

/** Records how a tree element looked after every change of the tree, as a person watching it would see it. */
export function watchElement(api: TestApi, id: string): { seen: string[]; dispose(): void } {
    const seen: string[] = [];
    const listener = api.tree.onDidChangeTreeData(() => {
        void api.tree.findElement(id).then(async (element) => {
            if (element) {
                const item = await api.tree.getTreeItem(element);
                seen.push(String(item.description));
            }
        });
    });
    return { seen, dispose: () => listener.dispose() };
}

describe('Add Node Pool from a snapshot', () => {
    const testApi = withFreshSeed();
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    it('adds a pool to a cluster in another subscription (R13), Creating then Succeeded, linked to the snapshot', async () => {
        const poolId = `${ids.sandbox}/agentPools/golden`;
        const watch = watchElement(api, poolId);
        const ui = new TestUserInput(['aks-sandbox', 'golden', 'User', 'Standard_D8s_v5', '2', 'Add Node Pool']);
        const result = await runCommand<{ id: string; azCommand: string }>(
            'aksSnapshots.addNodePool',
            ui,
            await api.tree.findElement(ids.snapshot.system),
        );
        watch.dispose();
        const [put] = await emulator.writes();
        // ARM ids are case-insensitive: the pool's URL is built from the cluster's id as Azure listed it.
        assert.match(
            put.url,
            new RegExp(
                `^/subscriptions/${SANDBOX_SUBSCRIPTION}/resourceGroups/rg-sandbox/providers/Microsoft.ContainerService/managedClusters/aks-sandbox/agentPools/golden\\?`,
                'i',
            ),
        );
        assert.deepStrictEqual(put.body, {
            properties: {
                count: 2,
                vmSize: 'Standard_D8s_v5',
                osType: 'Linux',
                osSKU: 'Ubuntu',
                mode: 'User',
                orchestratorVersion: '1.33.5',
                type: 'VirtualMachineScaleSets',
                creationData: { sourceResourceId: ids.snapshot.system },
            },
        });
        assert.strictEqual((await emulator.writes()).length, 1);
        assert.ok(
            watch.seen.some((d) => d.startsWith('Creating · User')),
            `never seen Creating: ${JSON.stringify(watch.seen)}`,
        );
        const pool = await api.tree.getTreeItem((await api.tree.findElement(poolId))!);
        assert.strictEqual(
            pool.description,
            'User · Ubuntu · Standard_D8s_v5 · AKSUbuntu-2204gen2containerd-202611.03.0 · ◆ snap-system-2611',
        );
        assert.strictEqual(
            result.azCommand,
            `az aks nodepool add --subscription ${SANDBOX_SUBSCRIPTION} --resource-group rg-sandbox --cluster-name aks-sandbox ` +
                `--name golden --snapshot-id ${ids.snapshot.system} --node-vm-size Standard_D8s_v5 --node-count 2 --mode User`,
        );
        // Kubernetes version, OS type and SKU come from the snapshot and are shown.
        assert.ok(ui.ofKind('quickPick').some((q) => /Standard_D4s_v5/.test(q.text)));
    });

    it('shows the clusters a snapshot cannot seed, with their reason, and does not take them (R4, R5, R10)', async () => {
        await emulator.setProvisioningState(ids.sandbox, 'Updating');
        const ui = new TestUserInput(['aks-prod-eastus', ESC]);
        assert.strictEqual(await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(ids.snapshot.arm)), undefined);
        const [clusters] = ui.ofKind('quickPick');
        const reason = (name: string): string => clusters.items!.find((i) => i.label.endsWith(name))!.detail ?? '';
        assert.match(
            reason('aks-prod-eastus'),
            /Kubernetes version 1\.34\.1 is newer than the control plane of cluster "aks-prod-eastus" \(1\.33\.5\)/,
        );
        assert.match(reason('aks-sandbox'), /Cluster "aks-sandbox" is Updating: AKS accepts no change until its current operation ends/);
        assert.match(reason('aks-legacy'), /newer than the control plane/);
        assert.strictEqual(clusters.items![0].label, 'aks-prod-weu', 'usable clusters come first');
        // Picking one that cannot apply asks again, saying why.
        assert.match(ui.ofKind('quickPick')[1].text, /"aks-prod-eastus" cannot be used/);

        const old = new TestUserInput(['aks-legacy', ESC]);
        await runCommand('aksSnapshots.addNodePool', old, await api.tree.findElement(ids.snapshot.k8s130));
        assert.match(
            old.ofKind('quickPick')[0].items!.find((i) => i.label.endsWith('aks-prod-weu'))!.detail!,
            /Snapshot "snap-k8s130" has Kubernetes 1\.30\.7, which AKS does not offer for new node pools in cluster "aks-prod-weu" \(its available agent pool versions\)/,
        );
        // Three minor versions behind the control plane: AKS keeps a pool within two (the REST spec's orchestratorVersion).
        assert.match(
            old.ofKind('quickPick')[0].items!.find((i) => i.label.endsWith('aks-prod-eastus'))!.detail!,
            /Kubernetes version 1\.30\.7 is more than two minor versions behind the control plane of cluster "aks-prod-eastus" \(1\.33\.5\)/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it("offers only sizes of the snapshot's family and architecture, and refuses another typed in (R1)", async () => {
        const ui = new TestUserInput(['aks-prod-weu', 'armtwo', 'User', 'Other…', 'Standard_D4s_v5']);
        await assert.rejects(
            runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(ids.snapshot.arm)),
            (e: unknown) =>
                e instanceof RejectedInput &&
                /VM size "Standard_D4s_v5" is not of the VM family and CPU architecture of Standard_D4ps_v5 \(snapshot "snap-arm-2611"\)/.test(
                    e.message,
                ),
        );
        const sizes = ui
            .ofKind('quickPick')
            .find((q) => /VM size/.test(q.text))!
            .items!.map((i) => i.label);
        assert.strictEqual(sizes[0], 'Standard_D4ps_v5');
        assert.ok(
            sizes.slice(0, -1).every((s) => /^Standard_D\d+p/.test(s)),
            sizes.join(', '),
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('keeps a Windows snapshot out of System mode (R8) and Windows names to 6 characters (R9)', async () => {
        const ui = new TestUserInput(['aks-prod-eastus', 'wpool', 'System', 'User', 'Standard_D4s_v5', '0', 'Add Node Pool']);
        await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(ids.snapshot.win));
        const modes = ui.ofKind('quickPick').find((q) => /Mode/.test(q.text))!;
        assert.match(
            modes.items!.find((i) => i.label.endsWith('System'))!.detail!,
            /Snapshot "snap-win-2610" is Windows: System node pool must be Linux/,
        );
        const [put] = await emulator.writes();
        assert.deepStrictEqual((put.body as { properties: Record<string, unknown> }).properties.osType, 'Windows');
        await emulator.clearRequests();
        await assert.rejects(
            runCommand(
                'aksSnapshots.addNodePool',
                new TestUserInput(['aks-prod-eastus', 'winpool']),
                await api.tree.findElement(ids.snapshot.win),
            ),
            /Node pool name "winpool" is invalid: a Windows pool name is 1–6 lowercase letters and digits, starting with a letter/,
        );
        await assert.rejects(
            runCommand(
                'aksSnapshots.addNodePool',
                new TestUserInput(['aks-prod-eastus', 'gpu']),
                await api.tree.findElement(ids.snapshot.system),
            ),
            /Node pool name "gpu" is already used in cluster "aks-prod-eastus"/,
        );
        await assert.rejects(
            runCommand(
                'aksSnapshots.addNodePool',
                new TestUserInput(['aks-prod-eastus', 'sys2', 'System', 'Standard_D4s_v5', '0']),
                await api.tree.findElement(ids.snapshot.system),
            ),
            /Node count "0" is invalid: a System pool takes a whole number from 1 to 1000/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('from a cluster asks for the snapshot, showing those that cannot apply with their reason', async () => {
        const ui = new TestUserInput(['snap-k8s130', 'snap-arm-2611', 'armpool', 'User', DEFAULT, '1', 'Add Node Pool']);
        await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(ids.weu));
        const [snapshots] = ui.ofKind('quickPick');
        assert.match(snapshots.items!.find((i) => i.label.endsWith('snap-k8s130'))!.detail!, /which AKS does not offer for new node pools/);
        assert.match(ui.ofKind('quickPick')[1].text, /"snap-k8s130" cannot be used/);
        const [put] = await emulator.writes();
        assert.deepStrictEqual((put.body as { properties: Record<string, unknown> }).properties.creationData, {
            sourceResourceId: ids.snapshot.arm,
        });
        assert.strictEqual(
            (put.body as { properties: Record<string, unknown> }).properties.vmSize,
            'Standard_D4ps_v5',
            "Enter takes the snapshot's own size",
        );
    });

    it('from the palette asks for the snapshot, then the cluster', async () => {
        const ui = new TestUserInput(['snap-sandbox-2611', 'aks-sandbox', 'more', 'User', 'Standard_D4s_v5', DEFAULT, 'Add Node Pool']);
        const result = await runCommand<{ id: string }>('aksSnapshots.addNodePool', ui);
        assert.match(result.id, /aks-sandbox\/agentPools\/more$/);
        const [put] = await emulator.writes();
        assert.strictEqual((put.body as { properties: { count: number } }).properties.count, 3);
    });

    it('stops waiting when cancelled: the operation goes on in Azure, and a refresh shows how it ended', async () => {
        // Azure ends an operation whether or not anyone polls it (the emulator's operationSeconds).
        await emulator.knobs({ operationSeconds: 2 });
        const stop = new vscode.CancellationTokenSource();
        const ui = new TestUserInput(['aks-prod-eastus', 'waitless', 'User', DEFAULT, '1', 'Add Node Pool']);
        const pending = runCommand<{ id: string }>('aksSnapshots.addNodePool', ui, await api.tree.findElement(ids.snapshot.system), {
            cancelWaiting: stop.token,
        });
        // Cancel once Azure has accepted the pool.
        for (let i = 0; i < 100 && (await emulator.writes()).length === 0; i++) {
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        stop.cancel();
        const result = await pending;
        assert.match(result.id, /agentPools\/waitless$/);
        api.tree.refresh();
        const pool = await api.tree.getTreeItem((await api.tree.findElement(result.id))!);
        assert.match(String(pool.description), /^Creating · /);
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await emulator.knobs({ operationSeconds: 0 });
        api.tree.refresh();
        const ended = await api.tree.getTreeItem((await api.tree.findElement(result.id))!);
        assert.match(String(ended.description), /^User · /, 'after the refresh the pool shows as Azure ended it');
    });

    it('offers only sizes the subscription may use in the target region: a size restricted there is absent', async () => {
        const ui = new TestUserInput(['aks-prod-weu', 'gpuweu', 'User', ESC]);
        await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(ids.snapshot.gpu));
        const sizes = ui.ofKind('quickPick').find((q) => /VM size/.test(q.text))!;
        assert.match(sizes.text, /offered in westeurope/);
        const labels = sizes.items!.map((i) => i.label);
        assert.ok(
            !labels.some((l) => l.endsWith('Standard_NC6s_v3')),
            `Standard_NC6s_v3 is restricted in westeurope: ${labels.join(', ')}`,
        );
        assert.ok(labels.includes('Standard_NC24ads_A100_v4'), 'other N-family sizes are offered');
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it("Esc in an advanced option's question goes back to the list, and Esc in the list back to the summary, keeping every value", async () => {
        const ui = new TestUserInput([
            'aks-sandbox',
            'keep',
            'User',
            'Standard_D4s_v5',
            '1',
            'Advanced Options…',
            'Max pods per node',
            '30',
            'OS disk type',
            ESC,
            ESC,
            'Add Node Pool',
        ]);
        await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(ids.snapshot.system));
        const [first, second] = ui.ofKind('message');
        assert.ok(!first.detail?.includes('Max pods per node'), first.detail);
        assert.ok(second.detail?.includes('Max pods per node: 30'), `the value typed before Esc was lost:\n${second.detail}`);
        const lists = ui.ofKind('quickPick').filter((q) => /Advanced options for node pool "keep"/.test(q.text));
        assert.strictEqual(lists.length, 3, 'the list came back after the Esc in "OS disk type"');
        assert.strictEqual(lists[2].items!.find((i) => i.label === 'Max pods per node')?.description, '30');
        const [put, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.strictEqual((put.body as { properties: { maxPods?: number } }).properties.maxPods, 30);
    });

    it("warns before sending when the cluster's channels will re-image the pool off the snapshot (R7), naming the channel, and not otherwise", async () => {
        const atRisk = new TestUserInput(['aks-prod-eastus', 'pinned', 'User', 'Standard_D4s_v5', '1', ESC]);
        assert.strictEqual(
            await runCommand('aksSnapshots.addNodePool', atRisk, await api.tree.findElement(ids.snapshot.system)),
            undefined,
        );
        const [warning] = atRisk.ofKind('message');
        assert.strictEqual(warning.text, 'Add node pool "pinned" to "aks-prod-eastus" from snapshot "snap-system-2611"?');
        assert.ok(
            warning.detail?.includes(
                '⚠ Cluster "aks-prod-eastus" has nodeOSUpgradeChannel "NodeImage": at its maintenance window AKS moves the pool to the latest node image, off the snapshot\'s.',
            ),
            warning.detail,
        );
        // The default (first) button is the narrow action; pinning changes the whole cluster and is offered beside it.
        assert.deepStrictEqual(
            warning.items?.map((i) => i.label),
            ['Add Node Pool', 'Pin Cluster, Then Add', 'Advanced Options…'],
            'pinning the cluster first is offered, not as the default',
        );
        assert.ok(warning.detail?.includes('Node OS upgrade channel: NodeImage → None'), warning.detail);
        assert.ok(
            !warning.detail?.includes('Auto-upgrade channel:'),
            `a channel already "none" is not listed as a change:\n${warning.detail}`,
        );
        assert.deepStrictEqual(await emulator.writes(), [], 'Esc at the warning sends nothing');
        const patch = new TestUserInput(['aks-prod-weu', 'pinned', 'User', 'Standard_D4s_v5', '1', ESC]);
        await runCommand('aksSnapshots.addNodePool', patch, await api.tree.findElement(ids.snapshot.sandbox));
        assert.match(patch.ofKind('message')[0]?.detail ?? '', /nodeOSUpgradeChannel "SecurityPatch"/);
        const holds = new TestUserInput(['aks-sandbox', 'pinned', 'User', 'Standard_D4s_v5', '1', 'Add Node Pool']);
        await runCommand('aksSnapshots.addNodePool', holds, await api.tree.findElement(ids.snapshot.sandbox));
        const [summary] = holds.ofKind('message');
        assert.doesNotMatch(summary.detail ?? '', /R7|⚠/, 'a cluster under None / none keeps the pin: no warning');
        assert.deepStrictEqual(
            summary.items?.map((i) => i.label),
            ['Add Node Pool', 'Advanced Options…'],
        );
        assert.deepStrictEqual(
            (await emulator.writes()).map((w) => w.method),
            ['PUT'],
        );
    });

    it('Advanced Options…: every option reaches Azure as asked, in the summary and the az line', async () => {
        const ui = new TestUserInput({
            targetCluster: 'aks-sandbox',
            poolName: 'opts',
            mode: 'User',
            vmSize: 'Standard_D4s_v5',
            nodeCount: '2',
            confirmAdd: ['Advanced Options…', 'Add Node Pool'],
            advancedOptions: [
                'Availability zones',
                'Node labels',
                'Node taints',
                'Cluster autoscaler',
                'Max pods per node',
                'Max surge',
                'OS disk size (GB)',
                'OS disk type',
                'Tags',
                'Spot',
                'Done',
            ],
            'option-zones': '3 1',
            'option-labels': 'team=apps, env=prod',
            'option-taints': 'sku=gpu:NoSchedule, dedicated:NoExecute',
            'option-autoscale': '1-5',
            'option-maxPods': '60',
            'option-maxSurge': '33%',
            'option-osDiskSizeGB': '64',
            'option-osDiskType': 'Managed',
            'option-tags': 'cost=42',
            'option-spot': 'Spot, evicted nodes deleted',
            'option-spotPrice': '0.25',
        });
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.addNodePool',
            ui,
            await api.tree.findElement(ids.snapshot.sandbox),
        );
        const [put] = await emulator.writes();
        const p = (put.body as { properties: Record<string, unknown> }).properties;
        assert.deepStrictEqual(
            {
                availabilityZones: p.availabilityZones,
                nodeLabels: p.nodeLabels,
                nodeTaints: p.nodeTaints,
                enableAutoScaling: p.enableAutoScaling,
                minCount: p.minCount,
                maxCount: p.maxCount,
                maxPods: p.maxPods,
                upgradeSettings: p.upgradeSettings,
                osDiskSizeGB: p.osDiskSizeGB,
                osDiskType: p.osDiskType,
                tags: p.tags,
                scaleSetPriority: p.scaleSetPriority,
                scaleSetEvictionPolicy: p.scaleSetEvictionPolicy,
                spotMaxPrice: p.spotMaxPrice,
            },
            {
                availabilityZones: ['1', '3'],
                nodeLabels: { team: 'apps', env: 'prod' },
                nodeTaints: ['sku=gpu:NoSchedule', 'dedicated:NoExecute'],
                enableAutoScaling: true,
                minCount: 1,
                maxCount: 5,
                maxPods: 60,
                upgradeSettings: { maxSurge: '33%' },
                osDiskSizeGB: 64,
                osDiskType: 'Managed',
                tags: { cost: '42' },
                scaleSetPriority: 'Spot',
                scaleSetEvictionPolicy: 'Delete',
                spotMaxPrice: 0.25,
            },
        );
        const [first, second] = ui.ofKind('message');
        assert.deepStrictEqual(
            first.items?.map((i) => i.label),
            ['Add Node Pool', 'Advanced Options…'],
        );
        for (const line of [
            'Availability zones: 1 3',
            'Node labels: team=apps, env=prod',
            'Cluster autoscaler: 1 to 5 nodes',
            'Spot: eviction Delete, max price 0.25',
        ]) {
            assert.ok(second.detail?.includes(line), `the summary lacks "${line}":\n${second.detail}`);
        }
        const list = ui
            .ofKind('quickPick')
            .filter((q) => /Advanced options for node pool "opts"/.test(q.text))
            .pop()!;
        assert.strictEqual(list.items!.find((i) => i.label === 'Max pods per node')!.description, '60', 'the list shows each value set');
        assert.match(
            result.azCommand,
            / --zones 1 3 --labels team=apps env=prod --node-taints sku=gpu:NoSchedule,dedicated:NoExecute --enable-cluster-autoscaler --min-count 1 --max-count 5 --max-pods 60 --max-surge 33% --node-osdisk-size 64 --node-osdisk-type Managed --tags cost=42 --priority Spot --eviction-policy Delete --spot-max-price 0.25$/,
        );
    });

    it('an option declared once (a descriptor, here a fixture) is asked, summarized, sent and written in the az line with no other change', async () => {
        // AKS's `kubeletDiskType` (REST spec: OS | Temporary), declared only here: no word of it is in the product.
        const fixture: PoolOptionDescriptor<'OS' | 'Temporary'> = {
            id: 'kubeletDiskType',
            asked: { kind: 'picked', choices: ['OS', 'Temporary'] },
            show: String,
            body: (kubeletDiskType) => ({ kubeletDiskType }),
            az: (type) => ['--kubelet-disk-type', type],
        };
        api.poolOptions.push(fixture as PoolOptionDescriptor);
        try {
            // Answers by the asking step's name: the new option's question is `option-<its id>`.
            const ui = new TestUserInput({
                targetCluster: 'aks-sandbox',
                poolName: 'kubelet',
                mode: 'User',
                vmSize: 'Standard_D4s_v5',
                nodeCount: '2',
                confirmAdd: ['Advanced Options…', 'Add Node Pool'],
                advancedOptions: ['kubeletDiskType', 'Done'],
                'option-kubeletDiskType': 'Temporary',
            });
            const result = await runCommand<{ azCommand: string }>(
                'aksSnapshots.addNodePool',
                ui,
                await api.tree.findElement(ids.snapshot.sandbox),
            );
            const list = ui.ofKind('quickPick').filter((q) => /Advanced options for node pool "kubelet"/.test(q.text));
            assert.strictEqual(
                list.pop()?.items?.find((i) => i.label === 'kubeletDiskType')?.description,
                'Temporary',
                'the list shows it set',
            );
            const summary = ui.ofKind('message').pop();
            assert.ok(summary?.detail?.includes('kubeletDiskType: Temporary'), `the summary shows it:\n${summary?.detail}`);
            const [put] = await emulator.writes();
            assert.strictEqual(
                (put.body as { properties: Record<string, unknown> }).properties.kubeletDiskType,
                'Temporary',
                'Azure receives it',
            );
            assert.match(result.azCommand, / --kubelet-disk-type Temporary$/);
            assert.strictEqual(ui.unused, 0, 'every answer was asked for');
        } finally {
            api.poolOptions.splice(api.poolOptions.indexOf(fixture as PoolOptionDescriptor), 1);
        }
    });

    it('Advanced Options…: refuses a bad value inline (field, value, rule), offers only the zones Azure lists for the size, and refuses Spot on a System pool', async () => {
        const pods = new TestUserInput([
            'aks-sandbox',
            'opts',
            'User',
            'Standard_D4s_v5',
            '2',
            'Advanced Options…',
            'Max pods per node',
            '5',
        ]);
        await assert.rejects(
            runCommand('aksSnapshots.addNodePool', pods, await api.tree.findElement(ids.snapshot.sandbox)),
            (e: unknown) => e instanceof RejectedInput && /Max pods per node "5" is invalid: it takes 10–250 \(AKS\)\./.test(e.message),
        );
        // Standard_D16s_v5 is restricted to this subscription in eastus zone 3 (Azure's SKU list).
        const zones = new TestUserInput([
            'aks-prod-eastus',
            'zoned',
            'User',
            'Standard_D16s_v5',
            '2',
            'Advanced Options…',
            'Availability zones',
            '1 3',
        ]);
        await assert.rejects(
            runCommand('aksSnapshots.addNodePool', zones, await api.tree.findElement(ids.snapshot.system)),
            (e: unknown) => e instanceof RejectedInput && /Availability zones "3" is invalid: it takes 1, 2 \(AKS\)\./.test(e.message),
        );
        assert.match(zones.ofKind('inputBox').pop()!.text, /Standard_D16s_v5 offers 1 2 in eastus/);
        // Checked as typed against what is already known: the node count (2) against the autoscaler's range; a zone twice.
        const range = new TestUserInput([
            'aks-sandbox',
            'ranged',
            'User',
            'Standard_D4s_v5',
            '2',
            'Advanced Options…',
            'Cluster autoscaler',
            '3-5',
        ]);
        await assert.rejects(
            runCommand('aksSnapshots.addNodePool', range, await api.tree.findElement(ids.snapshot.sandbox)),
            (e: unknown) => e instanceof RejectedInput && /Node count "2" is outside the autoscaler's range/.test(e.message),
        );
        const twice = new TestUserInput([
            'aks-prod-eastus',
            'twice',
            'User',
            'Standard_D16s_v5',
            '2',
            'Advanced Options…',
            'Availability zones',
            '1 1',
        ]);
        await assert.rejects(
            runCommand('aksSnapshots.addNodePool', twice, await api.tree.findElement(ids.snapshot.system)),
            (e: unknown) => e instanceof RejectedInput && /Availability zones "1 1" is invalid: it takes 1, 2, each once/.test(e.message),
        );
        // A label's key and value each with its own rule, in Kubernetes' words.
        const label = new TestUserInput([
            'aks-sandbox',
            'labelled',
            'User',
            'Standard_D4s_v5',
            '2',
            'Advanced Options…',
            'Node labels',
            'team=apps, Env=Prod!',
        ]);
        await assert.rejects(
            runCommand('aksSnapshots.addNodePool', label, await api.tree.findElement(ids.snapshot.sandbox)),
            (e: unknown) =>
                e instanceof RejectedInput &&
                /refused: Label value "Prod!" \(of key "Env"\) is invalid: empty, or at most 63 letters/.test(e.message),
        );
        const spot = new TestUserInput([
            'aks-sandbox',
            'sysspot',
            'System',
            'Standard_D4s_v5',
            '2',
            'Advanced Options…',
            'Spot',
            'Spot, evicted nodes deleted',
            '-1',
            'Done',
            ESC,
        ]);
        assert.strictEqual(await runCommand('aksSnapshots.addNodePool', spot, await api.tree.findElement(ids.snapshot.sandbox)), undefined);
        assert.match(spot.ofKind('message').pop()!.text, /Priority "Spot" is for User pools only: a System pool cannot be Spot \(AKS\)\./);
        assert.deepStrictEqual(await emulator.writes(), [], 'nothing was sent');
    });
});
