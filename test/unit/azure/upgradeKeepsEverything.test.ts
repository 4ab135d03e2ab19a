import * as assert from 'assert';
import * as fc from 'fast-check';
import { AksService, UPGRADE_PUT_DROPS } from '../../../src/azure/AksService';
import type { Json } from '../../emulator/http';
import { defaultPoolProperties } from '../../emulator/shapes';
import { PLATFORM_SUBSCRIPTION } from '../../emulator/seeds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorSessions } from '../../emulatorSession';
import { nodePoolId, snapshotId } from '../../../src/model/armId';

/**
 * Nothing the user owns is lost: for pools of every shape (labels, taints, autoscaler, max pods, tags, upgrade
 * settings, zones, Spot, OS disk, kubelet settings, and fields the SDK does not know), the upgrade's PUT equals
 * the pool Azure served except the fields the upgrade means to change.
 */
const CLUSTER = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-platform-eastus/providers/Microsoft.ContainerService/managedClusters/aks-prod-eastus`;
/**
 * Each upgrade is a long operation whose status polls take slots of AKS's 2 per second per subscription: 100 shapes take about a minute.
 */
// `npm run test:fast` tries fewer pools; `npm test` all of them.
const RUNS = process.env.AKS_TEST_FAST ? 10 : 100;

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const poolShape: fc.Arbitrary<Json> = fc.record(
    {
        count: fc.integer({ min: 0, max: 100 }),
        vmSize: fc.constantFrom('Standard_D4s_v5', 'Standard_D8s_v5', 'Standard_DS3_v2'),
        maxPods: fc.integer({ min: 10, max: 250 }),
        nodeLabels: fc.dictionary(word, fc.string({ maxLength: 20 }), { maxKeys: 5 }),
        nodeTaints: fc.array(
            fc.tuple(word, word, fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute')).map(([k, v, e]) => `${k}=${v}:${e}`),
            { maxLength: 3 },
        ),
        tags: fc.dictionary(word, fc.string({ maxLength: 20 }), { maxKeys: 5 }),
        enableAutoScaling: fc.boolean(),
        minCount: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        maxCount: fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined }),
        upgradeSettings: fc.record(
            {
                maxSurge: fc.oneof(
                    fc.integer({ min: 1, max: 100 }).map((n) => `${n}%`),
                    fc.integer({ min: 1, max: 5 }).map(String),
                ),
                maxUnavailable: fc.constantFrom('0', '1', '10%'),
                drainTimeoutInMinutes: fc.integer({ min: 1, max: 1440 }),
                nodeSoakDurationInMinutes: fc.integer({ min: 0, max: 30 }),
            },
            { requiredKeys: ['maxSurge'] },
        ),
        availabilityZones: fc.subarray(['1', '2', '3']),
        scaleSetPriority: fc.constantFrom('Regular', 'Spot'),
        scaleSetEvictionPolicy: fc.constantFrom('Delete', 'Deallocate'),
        spotMaxPrice: fc.constantFrom(-1, 0.5, 1.25),
        osDiskSizeGB: fc.integer({ min: 30, max: 2048 }),
        osDiskType: fc.constantFrom('Managed', 'Ephemeral'),
        kubeletConfig: fc.record(
            {
                cpuManagerPolicy: fc.constantFrom('none', 'static'),
                imageGcHighThreshold: fc.integer({ min: 50, max: 95 }),
                allowedUnsafeSysctls: fc.array(fc.constantFrom('kernel.msg*', 'net.core.somaxconn'), { maxLength: 2 }),
            },
            { requiredKeys: [] },
        ),
        linuxOSConfig: fc.record({ swapFileSizeMB: fc.integer({ min: 0, max: 4096 }) }, { requiredKeys: [] }),
        // Fields the SDK does not know (newer API versions, previews): they must come back untouched too.
        futureFeature: fc.option(fc.record({ enabled: fc.boolean(), level: fc.integer() }), { nil: undefined }),
        previewSetting: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    },
    { requiredKeys: ['count', 'vmSize', 'upgradeSettings'] },
);

describe('An upgrade sends back everything it did not mean to change (property, real SDK)', function () {
    this.timeout(120_000);
    let emulator: RunningEmulator;
    let service: AksService;

    before(async () => {
        // It serves fields of newer API versions on purpose, which Azure's spec for ours does not define: not judged by it.
        emulator = await startEmulator({ seed: 'demo', operationPolls: 0, retryAfterSeconds: 0, conformance: false });
        service = await AksService.create((await emulatorSessions(emulator))[0]);
    });
    after(() => emulator.close());

    it(`for ${RUNS} generated pools, the PUT equals the pool served but for the version, the snapshot link and the surge asked for`, async () => {
        const snapshot = await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
        let run = 0;
        await fc.assert(
            fc.asyncProperty(poolShape, fc.option(fc.constantFrom('1', '33%', '100%'), { nil: undefined }), async (shape, maxSurge) => {
                const name = `p${run++}`;
                const cluster = [...emulator.state().clusters.values()].find((c) => c.name === 'aks-prod-eastus')!;
                cluster.pools.set(name, {
                    name,
                    eTag: `etag-${name}`,
                    properties: JSON.parse(
                        JSON.stringify({
                            ...defaultPoolProperties(),
                            ...shape,
                            mode: 'User',
                            orchestratorVersion: '1.32.9',
                            currentOrchestratorVersion: '1.32.9',
                            nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202610.20.0',
                            provisioningState: 'Succeeded',
                        }),
                    ) as Json,
                });
                const poolId = `${CLUSTER}/agentPools/${name}`;
                const served = await service.getResourceJson(poolId);
                emulator.requests.length = 0;
                await service.upgradeNodePoolToSnapshot(
                    await service.getNodePool(nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', name)),
                    snapshot,
                    { maxSurge },
                );
                const put = emulator.requests.find((r) => r.method === 'PUT');
                assert.ok(put, 'one PUT was sent');
                const expected = JSON.parse(JSON.stringify(served)) as { properties: Json };
                // Left out, each for its reason: read-only, or a field whose setting starts another action (a rollback, a stop).
                for (const dropped of Object.keys(UPGRADE_PUT_DROPS)) {
                    delete expected.properties[dropped];
                }
                expected.properties.orchestratorVersion = snapshot.kubernetesVersion;
                expected.properties.creationData = { sourceResourceId: snapshot.id };
                if (maxSurge) {
                    expected.properties.upgradeSettings = { ...(expected.properties.upgradeSettings as Json), maxSurge };
                }
                assert.deepStrictEqual(put.body, expected);
                assert.ok(!('nodeImageVersion' in (put.body as { properties: Json }).properties), 'no rollback asked for');
                assert.strictEqual(put.headers['if-match'], `etag-${name}`);
                cluster.pools.delete(name);
            }),
            { numRuns: RUNS },
        );
        assert.strictEqual(run, RUNS);
    });
});
