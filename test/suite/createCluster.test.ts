import * as assert from 'assert';
import { PLATFORM_SUBSCRIPTION } from '../emulator/seeds';
import { ids } from './seedIds';
import { DEFAULT, ESC, TestUserInput } from './TestUserInput';
import { emulator, runCommand, shownTree, TestApi, withFreshSeed } from './testApi';

describe('Create Cluster from a snapshot', () => {
    const testApi = withFreshSeed();
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    it('creates a resource group and a cluster whose system pool comes from the snapshot', async () => {
        const ui = new TestUserInput([
            'Contoso Platform',
            'aks-golden',
            'Create new resource group…',
            'rg-golden',
            DEFAULT,
            DEFAULT,
            DEFAULT,
            DEFAULT,
            DEFAULT,
            'Create',
        ]);
        const result = await runCommand<{ id: string; azCommand: string }>(
            'aksSnapshots.createCluster',
            ui,
            await api.tree.findElement(ids.snapshot.system),
        );

        const summary = ui.ofKind('message')[0];
        assert.strictEqual(summary.text, 'Create cluster "aks-golden" from snapshot "snap-system-2611"?');
        for (const line of [
            'Resource group: rg-golden (new)',
            'Region: eastus',
            'DNS prefix: aks-golden',
            'Kubernetes version: 1.33.5 (from the snapshot)',
            'System pool: nodepool1, 3 × Standard_D4s_v5, Linux (Ubuntu), node image AKSUbuntu-2204gen2containerd-202611.03.0',
        ]) {
            assert.ok(summary.detail?.includes(line), `summary lacks "${line}":\n${summary.detail}`);
        }
        const [group, cluster, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.match(group.url, new RegExp(`^/subscriptions/${PLATFORM_SUBSCRIPTION}/resourcegroups/rg-golden\\?api-version=`));
        assert.deepStrictEqual(group.body, { location: 'eastus' });
        assert.match(cluster.url, /\/resourceGroups\/rg-golden\/providers\/Microsoft\.ContainerService\/managedClusters\/aks-golden\?/);
        assert.deepStrictEqual(cluster.body, {
            location: 'eastus',
            identity: { type: 'SystemAssigned' },
            properties: {
                kubernetesVersion: '1.33.5',
                dnsPrefix: 'aks-golden',
                enableRBAC: true,
                // R7: the new cluster keeps the snapshot's image unless the person chose otherwise.
                autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' },
                agentPoolProfiles: [
                    {
                        name: 'nodepool1',
                        count: 3,
                        vmSize: 'Standard_D4s_v5',
                        osType: 'Linux',
                        osSKU: 'Ubuntu',
                        mode: 'System',
                        type: 'VirtualMachineScaleSets',
                        orchestratorVersion: '1.33.5',
                        creationData: { sourceResourceId: ids.snapshot.system },
                    },
                ],
            },
        });
        const [platform] = await shownTree(api.tree);
        const created = platform.children!.find((c) => c.label === 'aks-golden')!;
        assert.strictEqual(created.description, '1.33.5 · eastus');
        assert.deepStrictEqual(
            created.children!.map((p) => [p.label, p.description]),
            [['nodepool1', 'System · Ubuntu · Standard_D4s_v5 · AKSUbuntu-2204gen2containerd-202611.03.0 · ◆ snap-system-2611']],
        );
        assert.strictEqual(
            result.azCommand,
            `az group create --subscription ${PLATFORM_SUBSCRIPTION} --name rg-golden --location eastus && ` +
                `az aks create --subscription ${PLATFORM_SUBSCRIPTION} --resource-group rg-golden --name aks-golden --location eastus --dns-name-prefix aks-golden ` +
                `--nodepool-name nodepool1 --node-vm-size Standard_D4s_v5 --node-count 3 --snapshot-id ${ids.snapshot.system} --no-ssh-key --auto-upgrade-channel none --node-os-upgrade-channel None`,
        );
    });

    it('refuses a Windows snapshot: System node pool must be Linux (R8)', async () => {
        const ui = new TestUserInput([]);
        await assert.rejects(
            runCommand('aksSnapshots.createCluster', ui, await api.tree.findElement(ids.snapshot.win)),
            /Snapshot "snap-win-2610" is Windows: System node pool must be Linux/,
        );
        assert.strictEqual(ui.shown.length, 0);
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it("shows the regions without the snapshot's Kubernetes version as such before the choice (R4) and system sizes under 4 vCPUs (R8)", async () => {
        const ui = new TestUserInput([
            'Contoso Platform',
            'aks-mem',
            'rg-platform-eastus',
            'West US 2',
            'East US',
            DEFAULT,
            DEFAULT,
            'Standard_E4-2s_v5',
            ESC,
        ]);
        assert.strictEqual(
            await runCommand('aksSnapshots.createCluster', ui, await api.tree.findElement(ids.snapshot.memory2609)),
            undefined,
        );
        const regions = ui.ofKind('quickPick').filter((q) => /Region|region/.test(q.text));
        assert.strictEqual(regions[0].items![0].label, 'East US', "the snapshot's region comes first");
        // Shown before the choice, with its reason; picking it anyway asks again.
        assert.match(
            regions[0].items!.find((i) => i.label === '$(circle-slash) West US 2')!.detail!,
            /Snapshot "snap-memory-2609" has Kubernetes 1\.32\.9, which AKS does not support in westus2/,
        );
        assert.match(regions[1].text, /"West US 2" cannot be used/);
        const sizes = ui.ofKind('quickPick').find((q) => /VM size/.test(q.text))!;
        // Azure's facts, not the name: Standard_E4-2s_v5 reads as 4 vCPUs, but only 2 are available.
        assert.match(
            sizes.items!.find((i) => i.label.endsWith('Standard_E4-2s_v5'))!.detail!,
            /VM size "Standard_E4-2s_v5" has 2 vCPUs; a system node pool needs at least 4/,
        );
        assert.match(sizes.text, /offered in eastus/);
        assert.strictEqual(sizes.items!.find((i) => i.label === 'Standard_E8s_v5')!.description, "the snapshot's size · 8 vCPUs · 64 GB");
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('offers the sizes Azure lists for the region, judged by their facts: Standard_DS3_v2 (4 vCPUs) can be a system pool, Standard_DS11_v2 (2) cannot', async () => {
        const ui = new TestUserInput([
            'Contoso Platform',
            'aks-ds',
            'rg-platform-eastus',
            'East US',
            DEFAULT,
            DEFAULT,
            'Standard_DS3_v2',
            ESC,
        ]);
        await runCommand('aksSnapshots.createCluster', ui, await api.tree.findElement(ids.snapshot.system));
        const sizes = ui.ofKind('quickPick').find((q) => /VM size/.test(q.text))!;
        const labels = sizes.items!.map((i) => i.label);
        assert.ok(labels.includes('Standard_DS3_v2'), `DS3_v2 usable: ${labels.join(', ')}`);
        assert.ok(labels.includes('$(circle-slash) Standard_DS11_v2'), 'DS11_v2 shown with its reason');
        assert.match(sizes.items!.find((i) => i.label.endsWith('Standard_DS11_v2'))!.detail!, /has 2 vCPUs/);
        assert.ok(!labels.some((l) => /ps_v5|Standard_E|Standard_NC/.test(l)), 'only the D family, x64');
        assert.strictEqual(labels[0], 'Standard_D4s_v5', "the snapshot's own size first");
        assert.ok(
            ui.ofKind('inputBox').some((q) => /Node count/.test(q.text)),
            'DS3_v2 was accepted: the flow went on to the node count',
        );
    });

    it('refuses bad names inline (R9) and a name already used in the chosen group', async () => {
        await assert.rejects(
            runCommand(
                'aksSnapshots.createCluster',
                new TestUserInput(['Contoso Platform', 'aks_bad_']),
                await api.tree.findElement(ids.snapshot.system),
            ),
            /Cluster name "aks_bad_" is invalid: 1–63 letters, digits, "-" and "_", starting and ending with a letter or digit/,
        );
        await assert.rejects(
            runCommand(
                'aksSnapshots.createCluster',
                new TestUserInput(['Contoso Platform', 'aks-x', 'rg-platform-eastus', 'East US', 'x_y']),
                await api.tree.findElement(ids.snapshot.system),
            ),
            /DNS prefix "x_y" is invalid: 1–54 letters, digits and "-", starting and ending with a letter or digit/,
        );
        const ui = new TestUserInput(['Contoso Platform', 'aks-prod-eastus', 'rg-platform-eastus', ESC]);
        await runCommand('aksSnapshots.createCluster', ui, await api.tree.findElement(ids.snapshot.system));
        assert.match(
            ui.ofKind('quickPick')[1].items!.find((i) => i.label.endsWith('rg-platform-eastus'))!.detail!,
            /Cluster name "aks-prod-eastus" is already used in resource group "rg-platform-eastus"/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('Advanced Options…: channels, SSH key, network, tier, zones and tags reach Azure as asked; a channel pair AKS refuses is caught first', async () => {
        const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBOx8Lw2Zl0rA1EXAMPLEKEYonlyForTests platform@contoso';
        const ui = new TestUserInput([
            'Contoso Platform',
            'aks-options',
            'rg-platform-eastus',
            'East US',
            DEFAULT,
            DEFAULT,
            DEFAULT,
            DEFAULT,
            'Advanced Options…',
            'Auto-upgrade channel',
            'node-image',
            'Done',
            'Change Options',
            'Node OS upgrade channel',
            'NodeImage',
            'SSH public key',
            'Paste a public key…',
            key,
            'Network plugin',
            'azure (overlay)',
            'Tier',
            'Standard',
            'Availability zones',
            '1 2 3',
            'Tags',
            'env=prod',
            'Done',
            'Create',
        ]);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.createCluster',
            ui,
            await api.tree.findElement(ids.snapshot.system),
        );
        const [problem] = ui.ofKind('message').filter((m) => /needs the node OS upgrade channel NodeImage/.test(m.text));
        assert.match(problem.text, /Auto-upgrade channel "node-image" needs the node OS upgrade channel NodeImage \(AKS\)\./);
        const summary = ui.ofKind('message').pop()!;
        for (const line of [
            "Automatic upgrades: node OS NodeImage, auto-upgrade node-image: AKS will move the system pool off the snapshot's image at a maintenance window.",
            'Network plugin: azure (overlay)',
            'Tier: Standard',
            'Availability zones: 1 2 3',
            'Tags: env=prod',
        ]) {
            assert.ok(summary.detail?.includes(line), `summary lacks "${line}":\n${summary.detail}`);
        }
        const [put] = (await emulator.writes()).filter((w) => /managedClusters\/aks-options\?/.test(w.url));
        const body = put.body as {
            sku: unknown;
            tags: unknown;
            properties: Record<string, unknown> & { agentPoolProfiles: Record<string, unknown>[] };
        };
        assert.deepStrictEqual(
            [
                body.sku,
                body.tags,
                body.properties.autoUpgradeProfile,
                body.properties.networkProfile,
                body.properties.linuxProfile,
                body.properties.agentPoolProfiles[0].availabilityZones,
            ],
            [
                { name: 'Base', tier: 'Standard' },
                { env: 'prod' },
                { upgradeChannel: 'node-image', nodeOSUpgradeChannel: 'NodeImage' },
                { networkPlugin: 'azure', networkPluginMode: 'overlay' },
                { adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: key }] } },
                ['1', '2', '3'],
            ],
        );
        assert.match(
            result.azCommand,
            new RegExp(
                `--ssh-key-value '${key}' --network-plugin azure --network-plugin-mode overlay --tier standard --zones 1 2 3 --tags env=prod --auto-upgrade-channel node-image --node-os-upgrade-channel NodeImage$`,
            ),
        );
    });
});
