import * as assert from 'assert';
import { PINNED_CHANNELS } from '../../../src/model/channels';
import { AksService } from '../../../src/azure/AksService';
import { clusterId, nodePoolId, snapshotId } from '../../../src/model/armId';
import { demoSeed, PLATFORM_SUBSCRIPTION, SANDBOX_SUBSCRIPTION } from '../../emulator/seeds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorSessions } from '../../emulatorSession';

describe('AksService against the emulator (real SDK, real credential, HTTPS)', () => {
    let emulator: RunningEmulator;
    let platform: AksService;
    let sandbox: AksService;

    beforeEach(async () => {
        emulator = await startEmulator({ seed: 'demo', pageSize: 2, operationPolls: 1, retryAfterSeconds: 0 });
        const sessions = await emulatorSessions(emulator);
        assert.deepStrictEqual(
            sessions.map((s) => s.subscription.name),
            ['Contoso Platform', 'Contoso Sandbox'],
        );
        platform = await AksService.create(sessions[0]);
        sandbox = await AksService.create(sessions[1]);
    });

    afterEach(() => emulator.close());

    it('lists clusters with their pools inline, across pages', async () => {
        const clusters = await platform.listClusters();
        assert.deepStrictEqual(
            clusters.map((c) => `${c.name}@${c.location}:${c.kubernetesVersion}`),
            ['aks-legacy@westus2:1.32.9', 'aks-prod-eastus@eastus:1.33.5', 'aks-prod-weu@westeurope:1.34.1'],
        );
        const eastus = clusters[1];
        assert.strictEqual(eastus.resourceGroup, 'rg-platform-eastus');
        assert.deepStrictEqual(
            eastus.nodePools.map((p) => p.name),
            ['system', 'gpu', 'memory', 'win22'],
        );
        const memory = eastus.nodePools[2];
        assert.strictEqual(memory.osSku, 'AzureLinux');
        assert.strictEqual(memory.snapshotId, snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-memory-2609'));
        assert.strictEqual(clusters[0].nodePools[1].poolType, 'VirtualMachines');
        // pageSize 2 over 3 clusters: page 1, page 2, then the empty page the real service ends with.
        const lists = emulator.requests.filter((r) => r.method === 'GET' && /\/managedClusters\?/i.test(r.url));
        assert.strictEqual(lists.length, 3);
        assert.ok(emulator.requests.every((r) => r.headers.authorization === 'Bearer <redacted>'));
    });

    it('lists snapshots in each subscription', async () => {
        assert.deepStrictEqual(
            (await platform.listSnapshots()).map((s) => s.name),
            demoSeed.snapshots
                .filter((s) => s.subscriptionId === PLATFORM_SUBSCRIPTION)
                .map((s) => s.name)
                .sort(),
        );
        const [sandboxSnapshot] = await sandbox.listSnapshots();
        assert.strictEqual(sandboxSnapshot.id, snapshotId(SANDBOX_SUBSCRIPTION, 'rg-sandbox', 'snap-sandbox-2611'));
        assert.strictEqual(sandboxSnapshot.createdAt?.toISOString(), '2026-11-12T16:45:00.000Z');
    });

    it('reads supported Kubernetes versions per region', async () => {
        const versions = async (location: string): Promise<string[]> =>
            (await platform.listKubernetesVersions(location)).map((v) => v.version);
        assert.ok((await versions('eastus')).includes('1.32.9'));
        assert.ok(!(await versions('westus2')).includes('1.32.9'));
        assert.deepStrictEqual((await platform.listKubernetesVersions('eastus')).find((v) => v.version === '1.32.9')?.supportPlans, [
            'KubernetesOfficial',
        ]);
    });

    it('creates, tags and deletes a snapshot, filled by the service from its source pool', async () => {
        const source = (await platform.listClusters())[1].nodePools[1];
        const created = await platform.createSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'gpu-snap'), 'eastus', source.id, {
            team: 'ml',
        });
        assert.deepStrictEqual(
            [created.kubernetesVersion, created.nodeImageVersion, created.vmSize, created.osType, created.osSku, created.location],
            ['1.33.5', 'AKSUbuntu-2204gen2containerd-202610.20.0', 'Standard_NC6s_v3', 'Linux', 'Ubuntu', 'eastus'],
        );
        const put = emulator.requests.find((r) => r.method === 'PUT');
        assert.deepStrictEqual(put?.body, {
            location: 'eastus',
            tags: { team: 'ml' },
            properties: { creationData: { sourceResourceId: source.id }, snapshotType: 'NodePool' },
        });
        assert.strictEqual(created.eTag, undefined, 'Azure documents no eTag on snapshots');
        const retagged = await platform.changeTags(created.id, 'Merge', { team: 'ai' });
        assert.deepStrictEqual(retagged, { team: 'ai' });
        const patch = emulator.requests.find((r) => r.method === 'PATCH')!;
        assert.deepStrictEqual(
            [patch.url.split('?')[0], patch.body],
            [`${created.id}/providers/Microsoft.Resources/tags/default`, { operation: 'Merge', properties: { tags: { team: 'ai' } } }],
        );
        await assert.rejects(
            platform.deleteSnapshot({ ...created, createdAt: new Date('2020-01-01T00:00:00Z') }),
            (e: Error & { code?: string }) => e.code === 'PreconditionFailed' && /createdAt/.test(e.message),
            'a snapshot made at another time is not the one confirmed',
        );
        await platform.deleteSnapshot(created);
        await assert.rejects(
            platform.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'gpu-snap')),
            (e: Error & { code?: string; statusCode?: number }) => e.statusCode === 404 && e.code === 'ResourceNotFound',
        );
    });

    it('adds a pool from a snapshot as a long operation, and upgrades a node image to a snapshot', async () => {
        const cluster = (await platform.listClusters())[1];
        const snapshot = await platform.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
        const statuses: string[] = [];
        const pool = await platform.createNodePoolFromSnapshot(
            cluster.id,
            {
                name: 'fromsnap',
                snapshotId: snapshot.id,
                vmSize: 'Standard_D8s_v5',
                count: 2,
                mode: 'User',
                osType: snapshot.osType,
                osSku: snapshot.osSku,
                kubernetesVersion: snapshot.kubernetesVersion,
            },
            { onProgress: (s) => statuses.push(s) },
        );
        assert.strictEqual(pool.provisioningState, 'Succeeded');
        assert.strictEqual(pool.nodeImageVersion, snapshot.nodeImageVersion);
        assert.strictEqual(pool.snapshotId, snapshot.id);

        const before = await platform.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, cluster.resourceGroup, cluster.name, 'system'));
        await platform.upgradeNodeImageToSnapshot(before, snapshot.id);
        const post = emulator.requests.find((r) => r.method === 'POST');
        assert.strictEqual(post?.headers.akssnapshotid, snapshot.id);
        assert.strictEqual(post?.body, undefined);
        const system = await platform.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, cluster.resourceGroup, cluster.name, 'system'));
        assert.strictEqual(system.snapshotId, snapshot.id);
        assert.strictEqual(system.provisioningState, 'Succeeded');
    });

    it('passes both error shapes through with their code and message', async () => {
        // AKS's own shape: a write while the pool is mid-operation (R10).
        await assert.rejects(
            platform.createSnapshot(
                snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'busy'),
                'westeurope',
                `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-platform-weu/providers/Microsoft.ContainerService/managedClusters/aks-prod-weu/agentPools/batch`,
            ),
            (e: Error & { code?: string; statusCode?: number }) =>
                e.statusCode === 409 && e.code === 'OperationNotAllowed' && /Upgrading/.test(e.message),
        );
        // ARM's shape.
        await assert.rejects(
            platform.getCluster(clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'nope')),
            (e: Error & { code?: string }) => e.code === 'ResourceNotFound',
        );
        // A failing list keeps Azure's message (the SDK's pager alone would say "Pagination failed …").
        emulator.faults.push({
            pathContains: '/managedClusters',
            status: 403,
            body: { error: { code: 'AuthorizationFailed', message: 'No read access to managedClusters.' } },
        });
        await assert.rejects(
            sandbox.listClusters(),
            (e: Error & { code?: string }) => e.code === 'AuthorizationFailed' && e.message === 'No read access to managedClusters.',
        );
    });
});

describe('AksService writes, as Azure receives them', () => {
    let emulator: RunningEmulator;
    let platform: AksService;

    beforeEach(async () => {
        emulator = await startEmulator({ seed: 'demo', operationPolls: 1, retryAfterSeconds: 0 });
        platform = await AksService.create((await emulatorSessions(emulator))[0]);
    });

    afterEach(() => emulator.close());

    it('upgrades a pool by sending it back whole, changing only version and snapshot link, with If-Match', async () => {
        const poolId = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-platform-eastus/providers/Microsoft.ContainerService/managedClusters/aks-prod-eastus/agentPools/memory`;
        const before = await platform.getResourceJson(poolId);
        const snapshot = await platform.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
        emulator.requests.length = 0;
        const upgraded = await platform.upgradeNodePoolToSnapshot(
            await platform.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'memory')),
            snapshot,
            { maxSurge: '33%' },
        );
        const put = emulator.requests.find((r) => r.method === 'PUT')!;
        const expected = JSON.parse(JSON.stringify(before)) as { properties: Record<string, unknown> };
        for (const dropped of ['provisioningState', 'currentOrchestratorVersion', 'eTag', 'nodeImageVersion', 'powerState']) {
            delete expected.properties[dropped];
        }
        expected.properties.orchestratorVersion = '1.33.5';
        expected.properties.creationData = { sourceResourceId: snapshot.id };
        expected.properties.upgradeSettings = { ...(expected.properties.upgradeSettings as object), maxSurge: '33%' };
        assert.deepStrictEqual(put.body, expected);
        assert.strictEqual(put.headers['if-match'], (before.properties as { eTag: string }).eTag);
        assert.strictEqual(put.headers['x-aks-snapshots-whole-body'], undefined);
        assert.deepStrictEqual(
            [upgraded.snapshotId, upgraded.kubernetesVersion, upgraded.nodeImageVersion, upgraded.provisioningState],
            [snapshot.id, '1.33.5', snapshot.nodeImageVersion, 'Succeeded'],
        );
        // The emulator refuses what AKS refuses: a skipped minor version.
        await assert.rejects(
            platform.upgradeNodePoolToSnapshot(
                await platform.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu', 'burst')),
                { ...snapshot, kubernetesVersion: '1.32.9' },
                {},
            ),
            (e: Error & { code?: string; statusCode?: number }) =>
                e.statusCode === 409 && e.code === 'OperationNotAllowed' && /Downgrading/.test(e.message),
        );
    });

    it('refuses an upgrade when the pool changed since it was read (412): If-Match carries the eTag of the read', async () => {
        const snapshot = await platform.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
        const before = await platform.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'));
        // A colleague scales the pool between the service's GET and its PUT.
        emulator.faults.push({ method: 'PUT', pathContains: '/agentPools/gpu', action: 'changedMeanwhile', times: 1 });
        await assert.rejects(
            platform.upgradeNodePoolToSnapshot(before, snapshot, {}),
            (e: Error & { code?: string; statusCode?: number }) => e.statusCode === 412 && e.code === 'PreconditionFailed',
        );
        const after = await platform.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'));
        assert.deepStrictEqual(
            [after.count, after.kubernetesVersion],
            [(before.count ?? 0) + 1, before.kubernetesVersion],
            "the colleague's scale stands, the upgrade did not go through",
        );
    });

    it('creates a resource group and a cluster whose system pool comes from a snapshot', async () => {
        assert.ok((await platform.listLocations()).some((l) => l.name === 'westeurope'));
        const group = await platform.createResourceGroup('rg-new', 'westeurope');
        assert.deepStrictEqual(group, { name: 'rg-new', location: 'westeurope' });
        assert.ok((await platform.listResourceGroups()).some((g) => g.name === 'rg-new'));
        const snapshot = await platform.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'snap-arm-2611'));
        const cluster = await platform.createClusterFromSnapshot({
            resourceGroup: 'rg-new',
            name: 'aks-from-snap',
            location: 'westeurope',
            dnsPrefix: 'aks-from-snap',
            nodePoolName: 'system',
            vmSize: 'Standard_D4ps_v5',
            count: 3,
            snapshot,
            channels: PINNED_CHANNELS,
        });
        assert.strictEqual(cluster.provisioningState, 'Succeeded');
        assert.deepStrictEqual(
            cluster.nodePools.map((p) => [p.name, p.mode, p.snapshotId, p.nodeImageVersion, p.kubernetesVersion]),
            [['system', 'System', snapshot.id, snapshot.nodeImageVersion, '1.34.1']],
        );
        const put = emulator.requests.find((r) => r.method === 'PUT' && r.url.includes('/managedClusters/'))!;
        const body = put.body as { location: string; properties: { agentPoolProfiles: Record<string, unknown>[] } };
        assert.strictEqual(body.location, 'westeurope');
        assert.deepStrictEqual(body.properties.agentPoolProfiles[0].creationData, { sourceResourceId: snapshot.id });
    });
});
