import * as assert from 'assert';
import { PINNED_CHANNELS } from '../../../src/model/channels';
import { AksService } from '../../../src/azure/AksService';
import { LostAnswerError, OperationEndedError, ResourceChangedError } from '../../../src/azure/azureErrors';
import { ForeignHostError } from '../../../src/azure/requestPolicies';
import type { NewNodePool } from '../../../src/model/aks';
import { PLATFORM_SUBSCRIPTION } from '../../emulator/seeds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorAccount, emulatorSessions } from '../../emulatorSession';
import { clusterId, nodePoolId, snapshotId } from '../../../src/model/armId';

/**
 * The path of a change (docs/architecture.md) in the Azure layer, against the emulator's faults with the real SDK:
 * creates never overwrite, writes are sent once, changes go only to the resource as confirmed, reads retry within a ceiling, and nothing
 * (no token) goes to another host.
 */
const GROUP = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-platform-eastus/providers/Microsoft.ContainerService`;
const CLUSTER = `${GROUP}/managedClusters/aks-prod-eastus`;
const SNAPSHOT = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-snapshots/providers/Microsoft.ContainerService/snapshots/snap-system-2611`;

describe('Safe writes and reads in the Azure layer', function () {
    this.timeout(30_000);
    let emulator: RunningEmulator;
    let elsewhere: RunningEmulator;
    let service: AksService;
    const newPool = (name: string): NewNodePool => ({
        name,
        snapshotId: SNAPSHOT,
        vmSize: 'Standard_D4s_v5',
        count: 1,
        mode: 'User',
        osType: 'Linux',
        osSku: 'Ubuntu',
        kubernetesVersion: '1.33.5',
    });
    const sent = (method: string): number => emulator.requests.filter((r) => r.method === method).length;

    before(async () => {
        emulator = await startEmulator({ seed: 'demo', operationPolls: 1, retryAfterSeconds: 0 });
        elsewhere = await startEmulator({ seed: 'demo' });
    });
    beforeEach(async () => {
        emulator.reset();
        elsewhere.reset();
        service = await AksService.create((await emulatorSessions(emulator))[0], {
            timeoutMs: 1000,
            readRetries: 2,
            throttledRetries: 2,
            maxRetryAfterSeconds: 2,
            retryDelayMs: 10,
        });
        emulator.requests.length = 0;
    });
    after(async () => {
        await emulator.close();
        await elsewhere.close();
    });

    describe('creates never overwrite (If-None-Match: *)', () => {
        it('a pool, a cluster, a snapshot and a resource group whose name exists are refused, and nothing changes', async () => {
            const gpu = await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'));
            const snapshot = await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
            const isExists = (e: unknown): boolean => e instanceof ResourceChangedError && e.reason === 'exists';
            await assert.rejects(service.createNodePoolFromSnapshot(CLUSTER, newPool('gpu')), isExists);
            await assert.rejects(
                service.createSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'), 'eastus', gpu.id),
                isExists,
            );
            await assert.rejects(service.createResourceGroup('rg-snapshots', 'eastus'), isExists);
            await assert.rejects(
                service.createClusterFromSnapshot({
                    resourceGroup: 'rg-platform-eastus',
                    name: 'aks-prod-eastus',
                    location: 'eastus',
                    dnsPrefix: 'x',
                    nodePoolName: 'system',
                    vmSize: 'Standard_D4s_v5',
                    count: 3,
                    snapshot,
                    channels: PINNED_CHANNELS,
                }),
                isExists,
            );
            assert.ok(
                emulator.requests.filter((r) => r.method === 'PUT').every((r) => r.headers['if-none-match'] === '*' && r.status === 412),
            );
            // Snapshot PUTs take no If-None-Match in Azure's spec (etags: documented): the taken name is found by a read, and nothing is
            // sent.
            assert.strictEqual(sent('PUT'), 3, 'each create was sent once, the snapshot not at all');
            const after = await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'));
            assert.deepStrictEqual([after.count, after.vmSize, after.eTag], [gpu.count, gpu.vmSize, gpu.eTag]);
            assert.deepStrictEqual(
                (await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'))).eTag,
                snapshot.eTag,
            );
        });
    });

    describe('a write is sent once', () => {
        for (const [action, what] of [
            ['resetAfterApply', 'the connection drops after Azure applied it'],
            ['errorAfterApply', 'Azure answers 500 after applying it'],
            ['delay', 'the answer comes after the timeout'],
        ] as const) {
            it(`when ${what}: one PUT, and the answer is called lost, not an error of the person`, async () => {
                emulator.faults.push({ method: 'PUT', pathContains: '/agentPools/once', action, delayMs: 2500, times: 1 });
                await assert.rejects(
                    service.createNodePoolFromSnapshot(CLUSTER, newPool('once')),
                    (e: unknown) => e instanceof LostAnswerError && e.resourceId === `${CLUSTER}/agentPools/once`,
                );
                assert.strictEqual(sent('PUT'), 1);
                assert.strictEqual(
                    (await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'once')))
                        .snapshotId,
                    SNAPSHOT,
                    'Azure did apply it',
                );
            });
        }

        it('a 429 or 503 before acceptance is not retried either', async () => {
            emulator.faults.push({
                method: 'PUT',
                pathContains: '/agentPools/throttled',
                status: 429,
                body: { code: 'Throttled', message: 'Too many requests.' },
                headers: { 'retry-after': '1' },
                times: 1,
            });
            await assert.rejects(
                service.createNodePoolFromSnapshot(CLUSTER, newPool('throttled')),
                (e: Error & { statusCode?: number }) => e.statusCode === 429,
            );
            emulator.faults.push({
                method: 'PATCH',
                pathContains: '/snapshots/',
                status: 503,
                body: { error: { code: 'ServiceUnavailable', message: 'Try later.' } },
                times: 1,
            });
            await assert.rejects(service.changeTags(SNAPSHOT, 'Merge', { a: 'b' }), (e: unknown) => e instanceof LostAnswerError);
            assert.deepStrictEqual([sent('PUT'), sent('PATCH')], [1, 1]);
        });
    });

    describe('reads retry, within a ceiling', () => {
        it('retries a read after 503 and 429 (Retry-After honoured)', async () => {
            emulator.faults.push({
                method: 'GET',
                pathContains: '/managedClusters/aks-prod-eastus',
                status: 503,
                body: { error: { code: 'ServiceUnavailable', message: 'Busy.' } },
                times: 1,
            });
            emulator.faults.push({
                method: 'GET',
                pathContains: '/managedClusters/aks-prod-eastus',
                status: 429,
                body: { code: 'Throttled', message: 'Slow down.' },
                headers: { 'retry-after': '1' },
                times: 1,
            });
            const started = Date.now();
            assert.strictEqual(
                (await service.getCluster(clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus'))).name,
                'aks-prod-eastus',
            );
            assert.strictEqual(sent('GET'), 3);
            assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
        });

        it('does not wait past the Retry-After ceiling, and stops after the retries', async () => {
            emulator.faults.push({
                method: 'GET',
                pathContains: '/managedClusters/aks-prod-eastus',
                status: 429,
                body: { code: 'Throttled', message: 'Come back in an hour.' },
                headers: { 'retry-after': '3600' },
                times: 1,
            });
            const started = Date.now();
            await assert.rejects(
                service.getCluster(clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus')),
                (e: Error & { statusCode?: number }) => e.statusCode === 429,
            );
            assert.ok(Date.now() - started < 1000);
            emulator.faults.push({
                method: 'GET',
                pathContains: '/snapshots/snap-system-2611',
                status: 500,
                body: { error: { code: 'InternalServerError', message: 'Down.' } },
            });
            await assert.rejects(
                service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611')),
                (e: Error & { statusCode?: number }) => e.statusCode === 500,
            );
            assert.strictEqual(emulator.requests.filter((r) => r.url.includes('snap-system-2611')).length, 3, 'one try and two retries');
        });

        it('gives up a read that takes longer than the timeout', async () => {
            emulator.faults.push({ method: 'GET', pathContains: '/managedClusters/aks-prod-eastus', action: 'delay', delayMs: 5000 });
            const started = Date.now();
            await assert.rejects(service.getCluster(clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus')));
            assert.ok(Date.now() - started < 4500, `gave up after ${Date.now() - started} ms`);
        });
    });

    describe('only to the configured Azure Resource Manager', () => {
        it('refuses a nextLink to another host: not followed, no token sent there', async () => {
            emulator.knobs.pageSize = 2;
            try {
                emulator.faults.push({
                    method: 'GET',
                    pathContains: '/managedClusters',
                    action: 'foreignNextLink',
                    origin: elsewhere.armUrl.replace(/\/$/, ''),
                    times: 1,
                });
                await assert.rejects(
                    service.listClusters(),
                    (e: unknown) => e instanceof ForeignHostError && e.host === new URL(elsewhere.armUrl).host,
                );
                assert.deepStrictEqual(elsewhere.requests, []);
            } finally {
                emulator.knobs.pageSize = 50;
            }
        });

        it('refuses an operation URL on another host', async () => {
            emulator.faults.push({
                method: 'PUT',
                pathContains: '/agentPools/far',
                action: 'foreignOperationUrl',
                origin: elsewhere.armUrl.replace(/\/$/, ''),
                times: 1,
            });
            await assert.rejects(
                service.createNodePoolFromSnapshot(CLUSTER, newPool('far')),
                (e: unknown) => e instanceof ForeignHostError,
            );
            assert.deepStrictEqual(elsewhere.requests, []);
            assert.strictEqual(sent('PUT'), 1);
        });

        it('stops the subscription list too when its nextLink loops or leaves ARM', async () => {
            emulator.knobs.pageSize = 1;
            try {
                emulator.faults.push({ method: 'GET', pathContains: '/subscriptions', action: 'loopingNextLink' });
                await assert.rejects(
                    emulatorAccount(emulator).listSubscriptions(),
                    /list of subscriptions links back to a page already read/,
                );
                assert.ok(sent('GET') <= 6, `${sent('GET')} pages read`);
                emulator.faults.length = 0;
                emulator.faults.push({
                    method: 'GET',
                    pathContains: '/subscriptions',
                    action: 'foreignNextLink',
                    origin: elsewhere.armUrl.replace(/\/$/, ''),
                    times: 1,
                });
                await assert.rejects(emulatorAccount(emulator).listSubscriptions(), (e: unknown) => e instanceof ForeignHostError);
                assert.deepStrictEqual(elsewhere.requests, []);
            } finally {
                emulator.knobs.pageSize = 50;
            }
        });

        it('stops a list whose nextLink loops, after a bounded number of pages', async () => {
            emulator.knobs.pageSize = 3;
            try {
                emulator.faults.push({ method: 'GET', pathContains: '/snapshots', action: 'loopingNextLink' });
                await assert.rejects(service.listSnapshots(), /links back to a page already read/);
                assert.ok(sent('GET') <= 8, `${sent('GET')} pages read`);
            } finally {
                emulator.knobs.pageSize = 50;
            }
        });
    });

    describe('long operations that Azure ends otherwise', () => {
        it("says Failed with Azure's code and message, and Canceled apart from the person's own cancel", async () => {
            emulator.faults.push({
                method: 'PUT',
                pathContains: '/agentPools/broken',
                action: 'failOperation',
                error: { code: 'VMExtensionProvisioningError', message: 'A node failed to start.' },
                times: 1,
            });
            await assert.rejects(
                service.createNodePoolFromSnapshot(CLUSTER, newPool('broken')),
                (e: unknown) =>
                    e instanceof OperationEndedError &&
                    e.status === 'Failed' &&
                    e.code === 'VMExtensionProvisioningError' &&
                    e.message === 'A node failed to start.' &&
                    e.resourceId === `${CLUSTER}/agentPools/broken`,
            );
            emulator.faults.push({ method: 'PUT', pathContains: '/agentPools/stopped', action: 'cancelOperation', times: 1 });
            await assert.rejects(
                service.createNodePoolFromSnapshot(CLUSTER, newPool('stopped')),
                (e: unknown) => e instanceof OperationEndedError && e.status === 'Canceled',
            );
            emulator.knobs.operationPolls = 100;
            try {
                const abort = new AbortController();
                const waiting = service.createNodePoolFromSnapshot(CLUSTER, newPool('mine'), {
                    abortSignal: abort.signal,
                    onAccepted: () => abort.abort(),
                });
                await assert.rejects(waiting, (e: Error) => !(e instanceof OperationEndedError) && e.name === 'AbortError');
            } finally {
                emulator.knobs.operationPolls = 1;
            }
        });
    });

    describe('changes only to the resource as confirmed', () => {
        const GPU_SNAPSHOT = SNAPSHOT.replace('snap-system-2611', 'snap-gpu-2611');
        it('refuses a node image upgrade, sending nothing, when the pool changed since the confirmed read', async () => {
            const pool = await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'));
            emulator.state().touch(pool.id);
            await assert.rejects(
                service.upgradeNodeImageToSnapshot(pool, GPU_SNAPSHOT),
                (e: unknown) => e instanceof ResourceChangedError && e.reason === 'changed',
            );
            assert.strictEqual(sent('POST'), 0);
        });

        for (const etags of ['documented', 'all'] as const) {
            describe(`etags: ${etags}`, () => {
                beforeEach(() => {
                    emulator.knobs.etags = etags;
                });
                afterEach(() => {
                    emulator.knobs.etags = 'documented';
                });

                it("the node-image race: a colleague's newer image is never moved back, even when the read carried no eTag", async () => {
                    for (const withETag of [true, false]) {
                        emulator.reset();
                        const read = await service.getNodePool(
                            nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'),
                        );
                        const confirmed = withETag ? read : { ...read, eTag: undefined };
                        // A colleague upgrades the node image to the latest while the confirmation is open.
                        emulator.state().upgradeNodeImageToLatest(read.id);
                        const newer = (
                            await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'))
                        ).nodeImageVersion;
                        emulator.requests.length = 0;
                        await assert.rejects(
                            service.upgradeNodeImageToSnapshot(confirmed, GPU_SNAPSHOT),
                            (e: unknown) => e instanceof ResourceChangedError && (withETag || /nodeImageVersion: .* → .*/.test(e.message)),
                        );
                        assert.strictEqual(sent('POST'), 0, 'nothing sent');
                        assert.strictEqual(
                            (await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu')))
                                .nodeImageVersion,
                            newer,
                            "the colleague's image stands",
                        );
                    }
                });

                it("the tag race: a colleague's tag set meanwhile is kept; a tag they changed is not changed over them", async () => {
                    const confirmed = await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
                    emulator.state().findSnapshot(SNAPSHOT)!.tags = { ...confirmed.tags, owner: 'ops' };
                    const after = await service.changeTags(SNAPSHOT, 'Merge', { team: 'platform' });
                    assert.deepStrictEqual(after, { ...confirmed.tags, owner: 'ops', team: 'platform' });
                    // Delete takes the value the person saw: a value changed meanwhile stays.
                    emulator.state().findSnapshot(SNAPSHOT)!.tags = { ...after, team: 'infra' };
                    assert.strictEqual((await service.changeTags(SNAPSHOT, 'Delete', { team: 'platform' })).team, 'infra');
                    assert.ok(
                        emulator.requests
                            .filter((r) => r.method === 'PATCH')
                            .every((r) => r.route === 'tags.updateAtScope' && r.headers['if-match'] === undefined),
                    );
                });

                it('the delete race: a snapshot deleted and made again under the same name is not deleted', async () => {
                    const confirmed = await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
                    const record = emulator.state().findSnapshot(SNAPSHOT)!;
                    record.systemData = { ...record.systemData, createdAt: new Date(Date.now() + 60_000).toISOString() };
                    record.eTag = 'made-again';
                    await assert.rejects(
                        service.deleteSnapshot(confirmed),
                        (e: unknown) => e instanceof ResourceChangedError && (etags === 'all' || /createdAt/.test(e.message)),
                    );
                    assert.strictEqual(sent('DELETE'), 0);
                    assert.ok(emulator.state().findSnapshot(SNAPSHOT), 'still there');
                });
            });
        }
    });
});
