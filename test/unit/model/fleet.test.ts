import * as assert from 'assert';
import fc from 'fast-check';
import type { Cluster, NodePool } from '../../../src/model/aks';
import { clusterId, nodePoolId } from '../../../src/model/armId';
import {
    fleetOffer,
    FleetWithMembers,
    poolStatusesFromRun,
    UPDATE_RUN_NAME,
    updateRunActions,
    updateRunBody,
    updateRunName,
    UpdateRun,
} from '../../../src/model/fleet';
import { DEFAULT_ROLLOUT_SETTINGS, PlannedPool, planWaves, RolloutPlan, RolloutSettings } from '../../../src/model/rollout';

const OLD = 'AKSUbuntu-2204gen2containerd-202610.20.0';
const NEW = 'AKSUbuntu-2204gen2containerd-202611.03.0';
const ARM = 'AKSUbuntu-2204gen2arm64containerd-202610.20.0';

const poolOf = (cluster: string, name: string, over: Partial<NodePool> = {}): NodePool => ({
    id: nodePoolId('s', 'rg', cluster, name),
    name,
    clusterId: clusterId('s', 'rg', cluster),
    mode: 'User',
    osType: 'Linux',
    vmSize: 'Standard_D4s_v5',
    kubernetesVersion: '1.33.5',
    nodeImageVersion: OLD,
    provisioningState: 'Succeeded',
    ...over,
});
const clusterOf = (name: string, pools: NodePool[], version = '1.33.5'): Cluster => ({
    id: clusterId('s', 'rg', name),
    name,
    subscriptionId: 's',
    resourceGroup: 'rg',
    location: 'eastus',
    kubernetesVersion: version,
    nodePools: pools,
});
const planned = (p: NodePool, cluster: string, path: PlannedPool['path'] = 'nodeImageOnly'): PlannedPool => ({
    poolId: p.id,
    clusterId: p.clusterId,
    subscriptionId: 's',
    clusterName: cluster,
    poolName: p.name,
    path,
    fromKubernetesVersion: p.kubernetesVersion,
    fromNodeImage: p.nodeImageVersion ?? '',
});
const planOf = (pools: PlannedPool[], settings: Partial<RolloutSettings> = {}): RolloutPlan => {
    const s = { ...DEFAULT_ROLLOUT_SETTINGS, ...settings };
    return {
        id: '0f1e2d3c-aaaa-bbbb-cccc-000000000000',
        createdAt: '2026-12-01T00:00:00Z',
        settings: s,
        waves: planWaves(pools, s),
        skipped: [],
        snapshot: {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/snapshots/snap',
            name: 'snap',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: NEW,
        },
    };
};
const a1 = poolOf('a', 'a1');
const a2 = poolOf('a', 'a2');
const aArm = poolOf('a', 'arm', { nodeImageVersion: ARM });
const b1 = poolOf('b', 'b1');
const c1 = poolOf('c', 'c1');
const clusters = [clusterOf('a', [a1, a2, aArm]), clusterOf('b', [b1]), clusterOf('c', [c1])];
const fleet = (groups: Record<string, string | undefined>): FleetWithMembers => ({
    fleet: {
        id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/fleets/f',
        name: 'f',
        subscriptionId: 's',
        resourceGroup: 'rg',
        location: 'eastus',
    },
    members: Object.entries(groups).map(([cluster, group]) => ({
        id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/fleets/f/members/m-${cluster}`,
        name: `m-${cluster}`,
        clusterId: clusterId('s', 'rg', cluster),
        ...(group ? { group } : {}),
    })),
});

describe('Fleet Manager hand-off', () => {
    it('waves become stages in order, each group in the stage of the first wave that has one of its clusters; the soak becomes the wait', () => {
        const plan = planOf([planned(a1, 'a'), planned(b1, 'b'), planned(a2, 'a'), planned(c1, 'c')], {
            canary: 1,
            waveSize: 2,
            between: { kind: 'soak', minutes: 10 },
        });
        const offer = fleetOffer(plan, clusters, [fleet({ a: 'ga', b: 'gb', c: 'gc', d: 'gd' })]);
        assert.strictEqual(offer.kind, 'possible');
        if (offer.kind !== 'possible') {
            return;
        }
        const h = offer.handOff;
        assert.deepStrictEqual(
            h.stages.map((s) => [s.name, s.groups.map((g) => g.name), s.afterStageWaitInSeconds]),
            [
                ['canary', ['ga'], 600],
                ['wave-2', ['gb'], 600],
                ['wave-3', ['gc'], 0],
            ],
        );
        assert.deepStrictEqual(
            h.excluded.map((m) => m.name),
            ['m-d'],
        );
        assert.strictEqual(h.upgradeType, 'NodeImageOnly');
        assert.deepStrictEqual(updateRunBody(h), {
            properties: {
                strategy: {
                    stages: [
                        { name: 'canary', groups: [{ name: 'ga' }], afterStageWaitInSeconds: 600 },
                        { name: 'wave-2', groups: [{ name: 'gb' }], afterStageWaitInSeconds: 600 },
                        { name: 'wave-3', groups: [{ name: 'gc' }] },
                    ],
                },
                managedClusterUpdate: {
                    upgrade: { type: 'NodeImageOnly' },
                    nodeImageSelection: { type: 'Custom', customNodeImageVersions: [{ version: NEW }] },
                },
            },
        });
        // The arm64 pool of a is of another family: the run leaves its image.
        assert.deepStrictEqual(h.otherPools, [{ clusterName: 'a', poolName: 'arm' }]);
    });

    it('a Full run when every pool takes Kubernetes too: the control planes and every other pool of the chosen clusters say what they take', () => {
        const a5 = poolOf('a', 'a5', { kubernetesVersion: '1.32.9' });
        const cluster = clusterOf('a', [a5, a1], '1.32.9');
        const plan = { ...planOf([planned(a5, 'a', 'kubernetes')]), snapshot: { ...planOf([]).snapshot } };
        const offer = fleetOffer(plan, [cluster], [fleet({ a: 'ga' })]);
        assert.ok(offer.kind === 'possible');
        assert.strictEqual(offer.handOff.upgradeType, 'Full');
        assert.strictEqual(offer.handOff.kubernetesVersion, '1.33.5');
        assert.deepStrictEqual(offer.handOff.controlPlanes, [{ clusterName: 'a', from: '1.32.9', to: '1.33.5' }]);
        assert.deepStrictEqual(offer.handOff.otherPools, [{ clusterName: 'a', poolName: 'a1', nodeImage: { from: OLD, to: NEW } }]);
    });

    it('is refused, with every reason, where one update run cannot be the plan', () => {
        const codes = (plan: RolloutPlan, fleets: FleetWithMembers[], cs: Cluster[] = clusters): string[] => {
            const offer = fleetOffer(plan, cs, fleets);
            return offer.kind === 'impossible' ? offer.refusals.map((r) => r.code) : [];
        };
        assert.deepStrictEqual(codes(planOf([planned(a1, 'a')]), []), ['notMember']);
        assert.deepStrictEqual(
            codes(planOf([planned(a1, 'a'), planned(b1, 'b')]), [
                fleet({ a: 'g' }),
                { ...fleet({ b: 'g' }), fleet: { ...fleet({}).fleet, name: 'other', id: 'x' } },
            ]),
            ['severalFleets'],
        );
        assert.deepStrictEqual(codes(planOf([planned(a1, 'a')]), [fleet({ a: undefined })]), ['noGroup']);
        assert.deepStrictEqual(codes(planOf([planned(a1, 'a')]), [fleet({ a: 'g', b: 'g' })]), ['groupHasOthers']);
        assert.deepStrictEqual(codes(planOf([planned(a1, 'a'), planned(a2, 'a', 'kubernetes')]), [fleet({ a: 'g' })]), ['mixedPaths']);
        assert.deepStrictEqual(codes(planOf([planned(aArm, 'a')]), [fleet({ a: 'g' })]), ['otherFamily']);
        assert.deepStrictEqual(codes(planOf([planned(a1, 'a', 'kubernetes')]), [fleet({ a: 'g' })], [clusterOf('a', [a1], '1.34.1')]), [
            'controlPlaneNewer',
        ]);
    });

    it('names every run in Fleet’s letters, one plan one name (fuzzed snapshot names and plan ids)', () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 90 }), fc.uuid(), (name, id) => {
                const run = updateRunName(name, id);
                assert.match(run, UPDATE_RUN_NAME);
                assert.ok(run.length <= 50, run);
                assert.strictEqual(updateRunName(name, id), run);
            }),
        );
        assert.strictEqual(updateRunName('Snap_Roll 2611', '0f1e2d3c-aaaa'), 'snap-roll-2611-0f1e2d3c');
    });

    it('each pool’s outcome is its cluster’s member as Fleet reports it; a pool whose cluster the run does not hold is skipped', () => {
        const plan = planOf([planned(a1, 'a'), planned(b1, 'b'), planned(c1, 'c')]);
        const run: UpdateRun = {
            id: 'r',
            name: 'r',
            state: 'Failed',
            upgradeType: 'NodeImageOnly',
            nodeImageSelection: 'Custom',
            customNodeImageVersions: [NEW],
            strategy: [],
            stages: [
                {
                    name: 's',
                    state: 'Failed',
                    groups: [
                        {
                            name: 'g',
                            state: 'Failed',
                            members: [
                                { name: 'm-a', clusterId: a1.clusterId.toUpperCase(), state: 'Completed' },
                                { name: 'm-b', clusterId: b1.clusterId, state: 'Failed', message: 'OperationNotAllowed: stopped' },
                            ],
                        },
                    ],
                },
            ],
        };
        assert.deepStrictEqual(poolStatusesFromRun(plan, run), {
            [a1.id]: { status: 'succeeded' },
            [b1.id]: { status: 'failed', message: 'OperationNotAllowed: stopped' },
            [c1.id]: { status: 'skipped' },
        });
    });

    it('offers the actions Fleet takes in each state', () => {
        assert.deepStrictEqual(
            ['NotStarted', 'Running', 'Stopping', 'Stopped', 'Completed', 'Failed'].map((s) => {
                const a = updateRunActions(s);
                return `${s}:${a.start ? 'start ' : ''}${a.stop ? 'stop ' : ''}${a.skip ? 'skip' : ''}`.trim();
            }),
            ['NotStarted:start skip', 'Running:stop skip', 'Stopping:', 'Stopped:start skip', 'Completed:', 'Failed:'],
        );
    });
});
