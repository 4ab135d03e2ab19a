import * as assert from 'assert';
import fc from 'fast-check';
import type { Cluster, NodePool, Snapshot } from '../../../src/model/aks';
import { rolloutTarget, rolloutTargetChanges } from '../../../src/model/changes';
import {
    countByStatus,
    DEFAULT_ROLLOUT_SETTINGS,
    failures,
    LEASE_MS,
    LEASE_RENEW_MS,
    runningElsewhere,
    isFinished,
    isOnSnapshot,
    newRolloutState,
    pendingIn,
    planWaves,
    retryFailed,
    rolloutCandidate,
    RolloutPlan,
    RolloutState,
} from '../../../src/model/rollout';
import { isRetry, snapshotSourceProblems, UpgradeFacts } from '../../../src/model/rules';

const SNAPSHOT_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/snapshots/snap';
const snapshot: Snapshot = {
    id: SNAPSHOT_ID,
    name: 'snap',
    subscriptionId: 's',
    resourceGroup: 'rg',
    location: 'eastus',
    kubernetesVersion: '1.33.5',
    nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.0',
    osType: 'Linux',
    osSku: 'Ubuntu',
    vmSize: 'Standard_D4s_v5',
    tags: {},
};
const pool = (over: Partial<NodePool> = {}): NodePool => ({
    id: 'p',
    name: 'p',
    clusterId: 'c',
    mode: 'User',
    osType: 'Linux',
    osSku: 'Ubuntu',
    vmSize: 'Standard_D4s_v5',
    kubernetesVersion: '1.33.5',
    nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202610.20.0',
    provisioningState: 'Succeeded',
    poolType: 'VirtualMachineScaleSets',
    ...over,
});
const facts: UpgradeFacts = { now: new Date('2026-11-27T00:00:00Z') };
const cluster: Cluster = {
    id: 'c',
    name: 'c',
    subscriptionId: 's',
    resourceGroup: 'rg',
    location: 'eastus',
    kubernetesVersion: '1.33.5',
    provisioningState: 'Succeeded',
    nodePools: [],
};

describe('Roll-outs', () => {
    it("each pool's path: image only, Kubernetes and image, already on it, or impossible with the rules", () => {
        assert.deepStrictEqual(rolloutCandidate(pool(), cluster, snapshot, facts), { kind: 'upgrade', path: 'nodeImageOnly' });
        assert.deepStrictEqual(rolloutCandidate(pool({ kubernetesVersion: '1.32.9' }), cluster, snapshot, facts), {
            kind: 'upgrade',
            path: 'kubernetes',
        });
        assert.deepStrictEqual(
            rolloutCandidate(pool({ snapshotId: SNAPSHOT_ID, nodeImageVersion: snapshot.nodeImageVersion }), cluster, snapshot, facts),
            { kind: 'current' },
        );
        const rules = (p: NodePool): string[] => {
            const c = rolloutCandidate(p, cluster, snapshot, facts);
            return c.kind === 'impossible' ? c.problems.map((x) => x.rule) : [];
        };
        assert.deepStrictEqual(rules(pool({ provisioningState: 'Upgrading' })), ['R10']);
        assert.deepStrictEqual(rules(pool({ powerState: 'Stopped' })), ['R10'], 'a stopped pool takes only start or delete');
        assert.deepStrictEqual(rolloutCandidate(pool(), { ...cluster, powerState: 'Stopped' }, snapshot, facts), {
            kind: 'impossible',
            problems: [{ code: 'stopped', rule: 'R10', kind: 'cluster', name: 'c' }],
        });
        assert.deepStrictEqual(rules(pool({ poolType: 'VirtualMachines' })), ['R11']);
        assert.deepStrictEqual(
            rolloutCandidate(pool({ nodeImageVersion: snapshot.nodeImageVersion }), cluster, snapshot, facts),
            { kind: 'current' },
            'on its image and version, not linked: already on it',
        );
        assert.deepStrictEqual(
            rules(pool({ nodeImageVersion: snapshot.nodeImageVersion, kubernetesVersion: '1.32.9' })),
            ['R5'],
            'same image, older version: not newer',
        );
        assert.ok(rules(pool({ osSku: 'AzureLinux' })).includes('R14'));
    });

    it('a pool is on the snapshot only when its last operation Succeeded; a Failed upgrade to it may be sent again (a retry)', () => {
        const written = { snapshotId: SNAPSHOT_ID, nodeImageVersion: snapshot.nodeImageVersion };
        assert.strictEqual(isOnSnapshot(pool(written), snapshot), true);
        for (const state of ['Failed', 'Canceled', 'Upgrading', undefined]) {
            assert.strictEqual(isOnSnapshot(pool({ ...written, provisioningState: state }), snapshot), false, `${state} is not on it`);
        }
        // AKS wrote the link and the image when it took the upgrade, which then failed: the same target again is a retry.
        assert.deepStrictEqual(rolloutCandidate(pool({ ...written, provisioningState: 'Failed' }), cluster, snapshot, facts), {
            kind: 'upgrade',
            path: 'nodeImageOnly',
        });
        assert.strictEqual(isRetry(pool({ ...written, provisioningState: 'Failed' }), snapshot), true);
        assert.strictEqual(isRetry(pool({ ...written, provisioningState: 'Canceled' }), snapshot), false, 'only a Failed pool');
        assert.strictEqual(
            isRetry(pool({ nodeImageVersion: snapshot.nodeImageVersion, provisioningState: 'Failed' }), snapshot),
            false,
            'not linked to this snapshot',
        );
        // A snapshot is taken only of a Succeeded pool (AKS changelog, 2022-06-19).
        assert.deepStrictEqual(
            snapshotSourceProblems(pool({ provisioningState: 'Failed', nodeImageVersion: snapshot.nodeImageVersion })).map((p) => p.code),
            ['snapshotSourceNotSucceeded'],
        );
        assert.deepStrictEqual(snapshotSourceProblems(pool({ nodeImageVersion: snapshot.nodeImageVersion })), []);
    });

    it('waves: a canary first, then waves of the chosen size, every pool once, in the order chosen (property)', () => {
        fc.assert(
            fc.property(
                fc.array(fc.nat(), { maxLength: 60 }),
                fc.nat({ max: 5 }),
                fc.integer({ min: 1, max: 12 }),
                (pools, canary, waveSize) => {
                    const waves = planWaves(pools, { canary, waveSize });
                    assert.deepStrictEqual(waves.flat(), pools);
                    if (pools.length && canary) {
                        assert.strictEqual(waves[0].length, Math.min(canary, pools.length));
                    }
                    waves
                        .slice(canary && pools.length ? 1 : 0)
                        .forEach((w, i, rest) => assert.ok(w.length === waveSize || (i === rest.length - 1 && w.length <= waveSize)));
                    assert.ok(waves.every((w) => w.length > 0));
                },
            ),
            { numRuns: 300 },
        );
    });

    it('a state: pending at first; counts, failures and what is left of a wave', () => {
        const planned = (name: string) => ({
            poolId: name,
            clusterId: 'c',
            subscriptionId: 's',
            clusterName: 'c',
            poolName: name,
            path: 'nodeImageOnly' as const,
            fromKubernetesVersion: '1.33.5',
            fromNodeImage: 'x',
        });
        const plan: RolloutPlan = {
            id: 'r',
            snapshot: rolloutTarget(snapshot),
            createdAt: '',
            settings: { canary: 1, waveSize: 2, concurrency: 3, failureBudget: 1, between: { kind: 'confirm' } },
            waves: [[planned('a')], [planned('b'), planned('c')]],
            skipped: [],
        };
        const state = newRolloutState(plan);
        assert.deepStrictEqual(
            pendingIn(state, 1).map((p) => p.poolId),
            ['b', 'c'],
        );
        const later = { ...state, outcomes: { ...state.outcomes, a: { status: 'succeeded' as const }, b: { status: 'failed' as const } } };
        assert.deepStrictEqual([failures(later), countByStatus(later).succeeded, countByStatus(later).pending], [1, 1, 1]);
        assert.deepStrictEqual(
            pendingIn(later, 1).map((p) => p.poolId),
            ['c'],
        );
        assert.deepStrictEqual([isFinished(state), isFinished({ ...state, status: 'stopped' })], [false, true]);
    });

    it('Retry Failed Pools: only the failed pools wait again, from the first wave that has one; nothing else changes', () => {
        const planned = (name: string) => ({
            poolId: name,
            clusterId: name,
            subscriptionId: 's',
            clusterName: 'c',
            poolName: name,
            path: 'nodeImageOnly' as const,
            fromKubernetesVersion: '1.33.5',
            fromNodeImage: 'x',
        });
        const plan: RolloutPlan = {
            id: 'r',
            snapshot: rolloutTarget(snapshot),
            createdAt: '',
            settings: { canary: 1, waveSize: 2, concurrency: 3, failureBudget: 1, between: { kind: 'confirm' } },
            waves: [[planned('a')], [planned('b'), planned('c')], [planned('d')]],
            skipped: [],
        };
        const stopped: RolloutState = {
            ...newRolloutState(plan),
            status: 'stopped',
            wave: 1,
            outcomes: {
                a: { status: 'succeeded' },
                b: { status: 'failed', code: 'X' },
                c: { status: 'skipped' },
                d: { status: 'pending' },
            },
        };
        const { state, pools } = retryFailed(stopped);
        assert.deepStrictEqual(pools, ['b']);
        assert.deepStrictEqual([state.status, state.wave, failures(state)], ['running', 1, 0]);
        assert.deepStrictEqual(Object.fromEntries(Object.entries(state.outcomes).map(([id, o]) => [id, o.status])), {
            a: 'succeeded',
            b: 'pending',
            c: 'skipped',
            d: 'pending',
        });
    });

    it('the target of a plan: unchanged, or what differs (a snapshot made again under the same name has another creation time)', () => {
        const made = { ...snapshot, createdAt: new Date('2026-11-03T10:00:00Z') };
        const target = rolloutTarget(made);
        assert.deepStrictEqual(rolloutTargetChanges(target, { ...made, id: made.id.toUpperCase() }), []);
        assert.deepStrictEqual(
            rolloutTargetChanges(target, {
                ...made,
                createdAt: new Date('2026-11-20T08:00:00Z'),
                nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.17.0',
            }).map((c) => c.field),
            ['createdAt', 'nodeImageVersion'],
        );
        // A plan saved before creation times were recorded compares the rest.
        assert.deepStrictEqual(rolloutTargetChanges({ ...target, createdAt: undefined }, { ...made, createdAt: new Date() }), []);
    });
});

describe('Roll-out leases', () => {
    const state = (owner?: { window: string; renewedAt: string }): RolloutState => ({
        plan: { id: 'p', createdAt: '', settings: DEFAULT_ROLLOUT_SETTINGS, waves: [], skipped: [], snapshot: rolloutTarget(snapshot) },
        outcomes: {},
        wave: 0,
        status: 'running',
        ...(owner ? { owner } : {}),
    });
    const now = new Date('2026-12-06T10:00:00Z');
    const ago = (ms: number): string => new Date(now.getTime() - ms).toISOString();

    it('another window runs a roll-out while its lease is fresh; this window, no lease or a lapsed one leaves it free', () => {
        assert.deepStrictEqual(runningElsewhere(state({ window: 'b', renewedAt: ago(LEASE_MS - 1) }), 'a', now), {
            window: 'b',
            renewedAt: ago(LEASE_MS - 1),
        });
        assert.strictEqual(runningElsewhere(state({ window: 'b', renewedAt: ago(LEASE_MS) }), 'a', now), undefined);
        assert.strictEqual(runningElsewhere(state({ window: 'a', renewedAt: ago(0) }), 'a', now), undefined);
        assert.strictEqual(runningElsewhere(state(), 'a', now), undefined);
        assert.ok(LEASE_RENEW_MS * 3 < LEASE_MS, 'a lease is renewed several times before it lapses');
    });
});
