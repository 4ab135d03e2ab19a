import * as assert from 'assert';
import { PINNED_CHANNELS } from '../../../src/model/channels';
import { AksService } from '../../../src/azure/AksService';
import type { NewCluster, NewNodePool, NodePool } from '../../../src/model/aks';
import { clusterId, nodePoolId, snapshotId } from '../../../src/model/armId';
import {
    clusterChannelsCommand,
    clusterCreateCommands,
    nodePoolAddCommand,
    nodePoolUpgradeCommand,
    snapshotCreateCommand,
    snapshotDeleteCommand,
    tagChangeCommand,
    toShellLine,
    toShellScript,
} from '../../../src/model/azCommands';
import { PLATFORM_SUBSCRIPTION, SANDBOX_SUBSCRIPTION } from '../../emulator/seeds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorSessions } from '../../emulatorSession';
import { AzureCliSession, signInAzureCli } from './azureCliSession';

/**
 * Each flow's "Copy az command" line, pasted into a shell and run by the real Azure CLI against one emulator,
 * does what the flow's own calls did against another: the resulting resources agree.
 */
describe('The az lines the flows offer, run by the real Azure CLI', function () {
    this.timeout(180_000);
    let byFlow: RunningEmulator;
    let byCli: RunningEmulator;
    let cli: AzureCliSession;
    const services = async (emulator: RunningEmulator, subscription = 0): Promise<AksService> =>
        AksService.create((await emulatorSessions(emulator))[subscription]);
    const snapshotOf = (subscription: string, group: string, name: string): string => snapshotId(subscription, group, name);
    const poolFacts = (p: NodePool) => [
        p.vmSize,
        p.count,
        p.mode,
        p.osType,
        p.osSku,
        p.kubernetesVersion,
        p.nodeImageVersion,
        p.snapshotId?.toLowerCase(),
        p.provisioningState,
    ];

    beforeEach(async () => {
        byFlow = await startEmulator({ seed: 'demo', operationPolls: 1, retryAfterSeconds: 1 });
        byCli = await startEmulator({ seed: 'demo', operationPolls: 1, retryAfterSeconds: 1 });
        cli = await signInAzureCli(byCli);
    });

    afterEach(async () => {
        cli.close();
        await Promise.all([byFlow.close(), byCli.close()]);
    });

    async function runLine(line: string): Promise<void> {
        const result = await cli.shell(line);
        assert.strictEqual(result.code, 0, `${line}\n${result.stderr}`);
    }

    it("snapshot create (R2: the pool's region; tags with spaces, quotes, $(), backticks and ; quoted)", async () => {
        const pool = nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu', 'system');
        const tags = { owner: 'Jo Doe', team: 'platform', note: 'it\'s "golden"; $(id) `id` -x' };
        await (
            await services(byFlow)
        ).createSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'weu-golden'), 'westeurope', pool, tags);
        await runLine(
            toShellLine(
                snapshotCreateCommand({
                    subscriptionId: PLATFORM_SUBSCRIPTION,
                    resourceGroup: 'rg-snapshots',
                    name: 'weu-golden',
                    nodePoolId: pool,
                    location: 'westeurope',
                    tags,
                }),
            ),
        );
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(async (e) =>
                (await services(e)).getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'weu-golden')),
            ),
        );
        const facts = (s: typeof a) => [
            s.kubernetesVersion,
            s.nodeImageVersion,
            s.vmSize,
            s.osType,
            s.osSku,
            s.location,
            s.sourceResourceId?.toLowerCase(),
            s.tags,
        ];
        assert.deepStrictEqual(facts(b), facts(a));
        assert.strictEqual(b.location, 'westeurope');
    });

    it('nodepool add from a snapshot in another subscription (R13)', async () => {
        const snapshot = snapshotOf(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611');
        const cluster = clusterId(SANDBOX_SUBSCRIPTION, 'rg-sandbox', 'aks-sandbox');
        const pool: NewNodePool = {
            name: 'golden',
            snapshotId: snapshot,
            vmSize: 'Standard_D8s_v5',
            count: 2,
            mode: 'User',
            osType: 'Linux',
            osSku: 'Ubuntu',
            kubernetesVersion: '1.33.5',
        };
        await (await services(byFlow, 1)).createNodePoolFromSnapshot(cluster, pool);
        await runLine(toShellLine(nodePoolAddCommand(cluster, pool)));
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(async (e) =>
                (await services(e, 1)).getNodePool(nodePoolId(SANDBOX_SUBSCRIPTION, 'rg-sandbox', 'aks-sandbox', 'golden')),
            ),
        );
        assert.deepStrictEqual(poolFacts(b), poolFacts(a));
    });

    it('nodepool upgrade --node-image-only (R6)', async () => {
        const snapshot = snapshotOf(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-gpu-2611');
        const flow = await services(byFlow);
        await flow.upgradeNodeImageToSnapshot(
            await flow.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu')),
            snapshot,
        );
        await runLine(
            toShellLine(
                nodePoolUpgradeCommand({
                    subscriptionId: PLATFORM_SUBSCRIPTION,
                    resourceGroup: 'rg-platform-eastus',
                    cluster: 'aks-prod-eastus',
                    name: 'gpu',
                    snapshotId: snapshot,
                    nodeImageOnly: true,
                }),
            ),
        );
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(async (e) =>
                (await services(e)).getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu')),
            ),
        );
        assert.deepStrictEqual(poolFacts(b), poolFacts(a));
        const post = byCli.requests.find((r) => r.method === 'POST')!;
        assert.strictEqual(post.headers.akssnapshotid, snapshot);
    });

    it('nodepool upgrade to a newer Kubernetes version (R5)', async () => {
        const snapshot = snapshotOf(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-memory-2611');
        const line = toShellLine(
            nodePoolUpgradeCommand({
                subscriptionId: PLATFORM_SUBSCRIPTION,
                resourceGroup: 'rg-platform-eastus',
                cluster: 'aks-prod-eastus',
                name: 'memory',
                snapshotId: snapshot,
                nodeImageOnly: false,
                maxSurge: '33%',
            }),
        );
        const version = ((await cli.az('version')) as Record<string, string>)['azure-cli'];
        const result = await cli.shell(line);
        if (/^2\.45\./.test(version)) {
            // Azure CLI 2.45 reads a missing attribute while building its "same version" message on this path and
            // stops before sending anything (fixed in later releases); the line itself is the one they run.
            assert.match(result.stderr, /'AgentPool' object has no attribute 'kubernetes_version'/);
            assert.deepStrictEqual(
                byCli.requests.filter((r) => r.method !== 'GET'),
                [],
            );
            return;
        }
        assert.strictEqual(result.code, 0, result.stderr);
        const flow = await services(byFlow);
        await flow.upgradeNodePoolToSnapshot(
            await flow.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'memory')),
            await flow.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-memory-2611')),
            { maxSurge: '33%' },
        );
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(async (e) =>
                (await services(e)).getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'memory')),
            ),
        );
        assert.deepStrictEqual(poolFacts(b), poolFacts(a));
    });

    it('group create && aks create from a snapshot (R8: it becomes the system pool; a group name with parentheses quoted)', async () => {
        const flow = await services(byFlow);
        const snapshot = await flow.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
        await flow.createResourceGroup('rg-(golden)', 'eastus');
        const cluster: NewCluster = {
            resourceGroup: 'rg-(golden)',
            name: 'aks-golden',
            location: 'eastus',
            dnsPrefix: 'aks-golden',
            nodePoolName: 'nodepool1',
            vmSize: 'Standard_D4s_v5',
            count: 3,
            snapshot,
            channels: PINNED_CHANNELS,
        };
        await flow.createClusterFromSnapshot(cluster);
        const lines = await Promise.all(clusterCreateCommands(PLATFORM_SUBSCRIPTION, cluster, true).map((c) => cli.knownOnly(c)));
        await runLine(toShellScript(lines.map((l) => l.command)));
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(async (e) => (await services(e)).getCluster(clusterId(PLATFORM_SUBSCRIPTION, 'rg-(golden)', 'aks-golden'))),
        );
        const facts = (c: typeof a) => [
            c.location,
            c.kubernetesVersion,
            c.dnsPrefix,
            c.provisioningState,
            c.upgradeChannel,
            c.nodePools.map((p) => [p.name, ...poolFacts(p)]),
        ];
        assert.deepStrictEqual(facts(b), facts(a));
        // R7: the pin. Azure CLI 2.45 predates --node-os-upgrade-channel; where it knows the flag, the channel agrees too.
        const dropped = lines.flatMap((l) => l.dropped);
        assert.deepStrictEqual(
            dropped.filter((f) => f !== '--node-os-upgrade-channel'),
            [],
            'only flags newer than this CLI are left out',
        );
        assert.strictEqual(a.nodeOsUpgradeChannel, 'None');
        if (!dropped.includes('--node-os-upgrade-channel')) {
            assert.strictEqual(b.nodeOsUpgradeChannel, a.nodeOsUpgradeChannel);
        }
    });

    it('nodepool add with every advanced option (zones, labels, taints, autoscaler, max pods, surge, OS disk, tags, Spot)', async () => {
        const snapshot = snapshotOf(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611');
        const cluster = clusterId(SANDBOX_SUBSCRIPTION, 'rg-sandbox', 'aks-sandbox');
        const pool: NewNodePool = {
            name: 'opts',
            snapshotId: snapshot,
            vmSize: 'Standard_D4s_v5',
            count: 2,
            mode: 'User',
            osType: 'Linux',
            osSku: 'Ubuntu',
            kubernetesVersion: '1.33.5',
            options: {
                zones: ['1', '3'],
                labels: { team: 'apps', env: 'prod' },
                taints: ['sku=gpu:NoSchedule'],
                autoscale: { min: 1, max: 5 },
                maxPods: 60,
                maxSurge: '33%',
                osDiskSizeGB: 64,
                osDiskType: 'Managed',
                tags: { cost: '42' },
                spot: { evictionPolicy: 'Delete', maxPrice: -1 },
            },
        };
        await (await services(byFlow, 1)).createNodePoolFromSnapshot(cluster, pool);
        const line = await cli.knownOnly(nodePoolAddCommand(cluster, pool));
        assert.deepStrictEqual(line.dropped, [], 'Azure CLI 2.45 knows every flag of nodepool add');
        await runLine(toShellLine(line.command));
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(async (e) => (await services(e, 1)).getResourceJson(`${cluster}/agentPools/opts`)),
        );
        const options = (json: Record<string, unknown>) => {
            const p = json.properties as Record<string, unknown>;
            return [
                p.availabilityZones,
                p.nodeLabels,
                p.nodeTaints,
                p.enableAutoScaling,
                p.minCount,
                p.maxCount,
                p.maxPods,
                (p.upgradeSettings as { maxSurge?: string }).maxSurge,
                p.osDiskSizeGB,
                p.osDiskType,
                p.tags,
                p.scaleSetPriority,
                p.scaleSetEvictionPolicy,
                p.spotMaxPrice,
            ];
        };
        assert.deepStrictEqual(options(b), options(a));
    });

    it('tag update and snapshot delete: Edit Tags\' changes (a name with "=" too) and Delete', async () => {
        const snapshot = snapshotOf(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611');
        const changes: ['Merge' | 'Delete', Record<string, string>][] = [
            ['Merge', { owner: 'Jo Doe' }],
            ['Merge', { 'cost=center': '42,43' }],
            ['Delete', { purpose: 'golden' }],
        ];
        for (const [operation, tags] of changes) {
            await (await services(byFlow)).changeTags(snapshot, operation, tags);
            await runLine(toShellLine(tagChangeCommand(snapshot, operation, tags)));
        }
        const [a, b] = await Promise.all([byFlow, byCli].map(async (e) => (await services(e)).getSnapshot(snapshot)));
        assert.deepStrictEqual(a.tags, { owner: 'Jo Doe', 'cost=center': '42,43' });
        assert.deepStrictEqual(b.tags, a.tags);
        const gone = snapshotOf(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-k8s130');
        await (await services(byFlow)).deleteSnapshot(await (await services(byFlow)).getSnapshot(gone));
        await runLine(toShellLine(snapshotDeleteCommand(gone)));
        for (const e of [byFlow, byCli]) {
            await assert.rejects((await services(e)).getSnapshot(gone), (error: { statusCode?: number }) => error.statusCode === 404);
        }
    });

    it("aks update pins a cluster's channels (R7)", async () => {
        const cluster = clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu');
        const channels = { upgradeChannel: 'none', nodeOsUpgradeChannel: 'None' };
        const flow = await services(byFlow);
        await flow.updateClusterChannels(
            await flow.getCluster(clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu')),
            channels,
        );
        const line = await cli.knownOnly(clusterChannelsCommand(cluster, channels));
        assert.deepStrictEqual(
            line.dropped.filter((f) => f !== '--node-os-upgrade-channel'),
            [],
        );
        await runLine(toShellLine(line.command));
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(async (e) =>
                (await services(e)).getCluster(clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu')),
            ),
        );
        assert.deepStrictEqual([a.upgradeChannel, a.nodeOsUpgradeChannel], ['none', 'None']);
        assert.strictEqual(b.upgradeChannel, a.upgradeChannel);
        if (!line.dropped.includes('--node-os-upgrade-channel')) {
            assert.strictEqual(b.nodeOsUpgradeChannel, a.nodeOsUpgradeChannel);
        }
    });

    it('aks create with the advanced options (SSH key, network, tier, zones, tags, channels)', async () => {
        const flow = await services(byFlow);
        const snapshot = await flow.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
        const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBOx8Lw2Zl0rA1EXAMPLEKEYonlyForTests platform@contoso';
        const cluster: NewCluster = {
            resourceGroup: 'rg-platform-eastus',
            name: 'aks-options',
            location: 'eastus',
            dnsPrefix: 'aks-options',
            nodePoolName: 'nodepool1',
            vmSize: 'Standard_D4s_v5',
            count: 3,
            snapshot,
            channels: { upgradeChannel: 'patch', nodeOsUpgradeChannel: 'SecurityPatch' },
            options: {
                sshPublicKey: key,
                networkPlugin: 'azure',
                networkPluginMode: 'overlay',
                tier: 'Standard',
                zones: ['1', '2'],
                tags: { env: 'prod' },
            },
        };
        await flow.createClusterFromSnapshot(cluster);
        const [line] = await Promise.all(clusterCreateCommands(PLATFORM_SUBSCRIPTION, cluster, false).map((c) => cli.knownOnly(c)));
        // What Azure CLI 2.45 predates; each one's effect is compared only where this CLI knows the flag.
        const newer = ['--network-plugin-mode', '--tier', '--node-os-upgrade-channel'];
        assert.deepStrictEqual(
            line.dropped.filter((f) => !newer.includes(f)),
            [],
        );
        await runLine(toShellLine(line.command));
        const [a, b] = await Promise.all(
            [byFlow, byCli].map(
                async (e) =>
                    (await services(e)).getResourceJson(clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-options')) as Promise<{
                        sku: { tier: string };
                        tags: unknown;
                        // eslint-disable-next-line @typescript-eslint/no-explicit-any
                        properties: Record<string, any>;
                    }>,
            ),
        );
        const facts = (c: typeof a, dropped: string[]) => [
            c.tags,
            c.properties.autoUpgradeProfile.upgradeChannel,
            c.properties.networkProfile.networkPlugin,
            c.properties.linuxProfile?.ssh?.publicKeys?.[0]?.keyData,
            c.properties.agentPoolProfiles[0].availabilityZones,
            dropped.includes('--network-plugin-mode') ? '-' : c.properties.networkProfile.networkPluginMode,
            dropped.includes('--tier') ? '-' : c.sku.tier,
            dropped.includes('--node-os-upgrade-channel') ? '-' : c.properties.autoUpgradeProfile.nodeOSUpgradeChannel,
        ];
        assert.deepStrictEqual(facts(b, line.dropped), facts(a, line.dropped));
        assert.deepStrictEqual(
            [a.sku.tier, a.properties.networkProfile.networkPluginMode, a.properties.autoUpgradeProfile.nodeOSUpgradeChannel],
            ['Standard', 'overlay', 'SecurityPatch'],
        );
        console.log(
            `      (Azure CLI ${((await cli.az('version')) as Record<string, string>)['azure-cli']} does not know: ${line.dropped.join(', ') || 'none'})`,
        );
    });
});
