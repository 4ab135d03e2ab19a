import * as assert from 'assert';
import fc from 'fast-check';
import type { Cluster, NodePool, Snapshot } from '../../../src/model/aks';
import { PINNED_CHANNELS, pinnedChannels, reimagingChannel } from '../../../src/model/channels';
import { indexSnapshots, snapshotPin, snapshotUsageIndex } from '../../../src/model/drift';
import {
    clusterOptionsProblems,
    isLabelKey,
    zonesOffered,
    parseAutoscale,
    parseLabels,
    parseMaxSurge,
    parseMaxUnavailable,
    parseSpotMaxPrice,
    parseSshPublicKey,
    parseTaints,
    parseWholeNumber,
    parseZones,
    poolOptionsProblems,
    surgeProblems,
} from '../../../src/model/poolOptions';
import type { VmSizeFacts } from '../../../src/model/vmSize';

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
    vmSize: 'Standard_D4s_v5',
    kubernetesVersion: '1.33.5',
    nodeImageVersion: snapshot.nodeImageVersion,
    snapshotId: SNAPSHOT_ID,
    ...over,
});
const cluster = (over: Partial<Cluster> = {}): Cluster => ({
    id: 'c',
    name: 'c',
    subscriptionId: 's',
    resourceGroup: 'rg',
    location: 'eastus',
    kubernetesVersion: '1.33.5',
    nodePools: [],
    upgradeChannel: 'none',
    nodeOsUpgradeChannel: 'None',
    ...over,
});
const size = (over: Partial<VmSizeFacts> = {}): VmSizeFacts => ({
    name: 'Standard_D4s_v5',
    vCpus: 4,
    vCpusAvailable: 4,
    architecture: 'x64',
    hyperVGenerations: ['V1', 'V2'],
    zones: ['1', '2', '3'],
    restrictedZones: [],
    restricted: false,
    ephemeralOsDisk: false,
    ...over,
});

describe('The pin (R7): channels and drift', () => {
    it('re-imaging channels: NodeImage, SecurityPatch, a missing node OS channel (NodeImage), any auto-upgrade channel; None/Unmanaged with none hold', () => {
        const channel = (nodeOs: string | undefined, upgrade: string | undefined) =>
            reimagingChannel({ name: 'c', nodeOsUpgradeChannel: nodeOs, upgradeChannel: upgrade })?.channel;
        assert.deepStrictEqual(
            [
                channel('NodeImage', 'none'),
                channel('SecurityPatch', 'none'),
                channel(undefined, undefined),
                channel('None', 'patch'),
                channel('Unmanaged', 'node-image'),
            ],
            ['NodeImage', 'SecurityPatch', 'NodeImage', 'patch', 'node-image'],
        );
        assert.deepStrictEqual([channel('None', 'none'), channel('unmanaged', 'NONE')], [undefined, undefined]);
    });

    it('pinning keeps Unmanaged and makes everything else None / none; new clusters are pinned', () => {
        assert.deepStrictEqual(pinnedChannels({ nodeOsUpgradeChannel: 'Unmanaged', upgradeChannel: 'stable' }), {
            upgradeChannel: 'none',
            nodeOsUpgradeChannel: 'Unmanaged',
        });
        assert.deepStrictEqual(pinnedChannels({ nodeOsUpgradeChannel: 'SecurityPatch', upgradeChannel: 'patch' }), {
            upgradeChannel: 'none',
            nodeOsUpgradeChannel: 'None',
        });
        assert.deepStrictEqual(pinnedChannels({}), { upgradeChannel: 'none', nodeOsUpgradeChannel: 'None' });
        for (const c of [pinnedChannels({ nodeOsUpgradeChannel: 'NodeImage' }), PINNED_CHANNELS]) {
            assert.strictEqual(reimagingChannel({ name: 'c', ...c }), undefined, 'pinned channels never re-image');
        }
    });

    it('drift: image, Kubernetes version, both, neither; an unreadable snapshot is unknown, not drifted; at risk from the cluster', () => {
        assert.deepStrictEqual(snapshotPin(pool(), cluster(), indexSnapshots([snapshot]))!.drift, []);
        assert.deepStrictEqual(
            snapshotPin(
                pool({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.17.0' }),
                cluster(),
                indexSnapshots([snapshot]),
            )!.drift.map((d) => d.field),
            ['nodeImage'],
        );
        assert.deepStrictEqual(
            snapshotPin(pool({ kubernetesVersion: '1.34.1' }), cluster(), indexSnapshots([snapshot]))!.drift.map((d) => [
                d.field,
                d.pool,
                d.snapshot,
            ]),
            [['kubernetesVersion', '1.34.1', '1.33.5']],
        );
        assert.strictEqual(
            snapshotPin(pool({ kubernetesVersion: '1.34.1', nodeImageVersion: undefined }), cluster(), indexSnapshots([snapshot]))!.drift
                .length,
            2,
        );
        const unknown = snapshotPin(pool(), cluster(), indexSnapshots([]))!;
        assert.deepStrictEqual([unknown.snapshot, unknown.drift], [undefined, []]);
        assert.strictEqual(
            snapshotPin(pool({ snapshotId: undefined }), cluster(), indexSnapshots([snapshot])),
            undefined,
            'no link, no pin',
        );
        assert.strictEqual(
            snapshotPin(pool(), cluster({ nodeOsUpgradeChannel: undefined }), indexSnapshots([snapshot]))!.atRisk?.channel,
            'NodeImage',
        );
        assert.strictEqual(
            snapshotPin(pool({ snapshotId: SNAPSHOT_ID.toUpperCase() }), cluster(), indexSnapshots([snapshot]))!.snapshot,
            snapshot,
            'ids compare case-insensitively',
        );
    });

    it('a snapshot counts the pools using it, in every cluster given, and the drifted ones', () => {
        const clusters = [
            cluster({
                nodePools: [
                    pool(),
                    pool({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.17.0' }),
                    pool({ snapshotId: undefined }),
                ],
            }),
            cluster({ id: 'd', nodePools: [pool({ kubernetesVersion: '1.34.1' })] }),
        ];
        assert.deepStrictEqual(snapshotUsageIndex(clusters)(snapshot), { pools: 3, drifted: 2 });
        assert.deepStrictEqual(snapshotUsageIndex([])(snapshot), { pools: 0, drifted: 0 });
        assert.deepStrictEqual(
            snapshotUsageIndex(clusters)({ ...snapshot, id: SNAPSHOT_ID.toUpperCase() }),
            { pools: 3, drifted: 2 },
            'ids compare case-insensitively',
        );
    });
});

describe("Advanced options: AKS's limits, field, value and rule", () => {
    const problemOf = <T>(parsed: { value: T } | { problem: { code: string; field?: string; value?: string } }) =>
        'problem' in parsed ? [parsed.problem.field, parsed.problem.value] : undefined;

    it('whole numbers within limits (max pods 10–250, OS disk 30–2048, drain 1–1440, soak 0–30)', () => {
        assert.deepStrictEqual(parseWholeNumber('maxPods', '110', 10, 250), { value: 110 });
        assert.deepStrictEqual(
            ['9', '251', '1.5', '-3', 'ten', ''].map((t) => problemOf(parseWholeNumber('maxPods', t, 10, 250))),
            [
                ['maxPods', '9'],
                ['maxPods', '251'],
                ['maxPods', '1.5'],
                ['maxPods', '-3'],
                ['maxPods', 'ten'],
                ['maxPods', ''],
            ],
        );
        assert.deepStrictEqual(parseWholeNumber('soak', '0', 0, 30), { value: 0 });
    });

    it("zones: only those the size offers the subscription in the region (Azure's list less restricted zones)", () => {
        const restricted = size({ restrictedZones: ['3'] });
        const { zones: offered, fromAzure } = zonesOffered([restricted], ` ${restricted.name.toUpperCase()}`);
        assert.deepStrictEqual(offered, ['1', '2']);
        assert.strictEqual(fromAzure, true);
        // Azure's list unread, or the size not in it: all three zones, said so.
        assert.deepStrictEqual(zonesOffered(undefined, restricted.name), { zones: ['1', '2', '3'], fromAzure: false });
        assert.deepStrictEqual(zonesOffered([restricted], 'Standard_Unknown'), { zones: ['1', '2', '3'], fromAzure: false });
        assert.deepStrictEqual(problemOf(parseZones('2 1 2', offered)), ['availabilityZones', '2 1 2'], 'each zone once');
        assert.deepStrictEqual(parseZones('2 1', offered), { value: ['1', '2'] });
        assert.deepStrictEqual(parseZones('1,2', offered), { value: ['1', '2'] });
        assert.deepStrictEqual(problemOf(parseZones('1 3', offered)), ['availabilityZones', '3']);
        assert.deepStrictEqual(problemOf(parseZones('1', [])), ['availabilityZones', '1']);
    });

    it("labels and taints follow Kubernetes' syntax", () => {
        assert.deepStrictEqual(parseLabels('team=apps, example.com/tier=gold, empty='), {
            value: { team: 'apps', 'example.com/tier': 'gold', empty: '' },
        });
        for (const bad of ['noequals', '=v', 'bad key=v', '-lead=v', 'k=v w', 'a=1, a=2', `${'k'.repeat(64)}=v`, 'Upper.Prefix/k=v']) {
            assert.ok('problem' in parseLabels(bad), bad);
        }
        assert.deepStrictEqual(parseTaints('sku=gpu:NoSchedule, dedicated:NoExecute'), {
            value: ['sku=gpu:NoSchedule', 'dedicated:NoExecute'],
        });
        for (const bad of ['sku=gpu', 'sku=gpu:Never', ':NoSchedule', 'bad key=v:NoSchedule']) {
            assert.ok('problem' in parseTaints(bad), bad);
        }
    });

    it('labels and taints: the form, the key and the value each have their own reason, naming what is wrong', () => {
        const problem = (parsed: ReturnType<typeof parseLabels> | ReturnType<typeof parseTaints>) =>
            'problem' in parsed ? parsed.problem : undefined;
        assert.deepStrictEqual(problem(parseLabels('Env=Prod!')), {
            code: 'labelValue',
            rule: 'options',
            of: 'label',
            key: 'Env',
            value: 'Prod!',
        });
        assert.deepStrictEqual(problem(parseLabels('team=apps, -lead=v')), {
            code: 'labelKey',
            rule: 'options',
            of: 'label',
            key: '-lead',
        });
        assert.deepStrictEqual(problem(parseLabels('a=1, a=2')), { code: 'labelKeyTwice', rule: 'options', key: 'a' });
        assert.deepStrictEqual(problem(parseLabels('noequals')), {
            code: 'optionValue',
            rule: 'options',
            field: 'nodeLabels',
            value: 'noequals',
            limit: 'key=value',
        });
        assert.deepStrictEqual(problem(parseTaints('sku=gp u!:NoSchedule')), {
            code: 'optionValue',
            rule: 'options',
            field: 'nodeTaints',
            value: 'sku=gp u!:NoSchedule',
            limit: 'key=value:NoSchedule|PreferNoSchedule|NoExecute',
        });
        assert.deepStrictEqual(problem(parseTaints('sku=gpu!:NoSchedule')), {
            code: 'labelValue',
            rule: 'options',
            of: 'taint',
            key: 'sku',
            value: 'gpu!',
        });
        assert.deepStrictEqual(problem(parseTaints('Upper.Prefix/k=v:NoSchedule')), {
            code: 'labelKey',
            rule: 'options',
            of: 'taint',
            key: 'Upper.Prefix/k',
        });
    });

    it("a limit the product sets is marked as the product's; AKS's are not marked", () => {
        assert.deepStrictEqual(parseWholeNumber('concurrency', '6', 1, 5, 'product'), {
            problem: { code: 'optionValue', rule: 'options', field: 'concurrency', value: '6', limit: '1–5', setBy: 'product' },
        });
        assert.deepStrictEqual(parseWholeNumber('maxPods', '6', 10, 250), {
            problem: { code: 'optionValue', rule: 'options', field: 'maxPods', value: '6', limit: '10–250' },
        });
    });

    it('labels: every valid key=value list survives parsing (property)', () => {
        const segment = fc.stringMatching(/^[a-z0-9]([-a-z0-9_.]{0,20}[a-z0-9])?$/);
        fc.assert(
            fc.property(
                fc.uniqueArray(fc.tuple(segment, fc.oneof(segment, fc.constant(''))), { selector: ([k]) => k, maxLength: 8 }),
                (pairs) => {
                    const parsed = parseLabels(pairs.map(([k, v]) => `${k}=${v}`).join(', '));
                    assert.ok('value' in parsed, JSON.stringify(pairs));
                    assert.deepStrictEqual(parsed.value, Object.fromEntries(pairs));
                    return pairs.every(([k]) => isLabelKey(k));
                },
            ),
            { numRuns: 200 },
        );
    });

    it('autoscaler range, surge, unavailable, Spot price, SSH key', () => {
        assert.deepStrictEqual(parseAutoscale('1-5', 'User'), { value: { min: 1, max: 5 } });
        assert.deepStrictEqual(parseAutoscale('0..3', 'User'), { value: { min: 0, max: 3 } });
        assert.deepStrictEqual(
            ['0-3', '5-1', '1-1001', 'x'].map((t) => 'problem' in parseAutoscale(t, 'System')),
            [true, true, true, true],
        );
        // The node count already chosen must lie within the range, checked as typed.
        assert.deepStrictEqual(parseAutoscale('3-5', 'User', 2), {
            problem: { code: 'optionConflict', rule: 'options', field: 'count', value: '2', reason: 'countOutsideAutoscale' },
        });
        assert.deepStrictEqual(parseAutoscale('1-5', 'User', 2), { value: { min: 1, max: 5 } });
        assert.deepStrictEqual(
            ['33%', '1', '100%'].map((t) => 'value' in parseMaxSurge(t)),
            [true, true, true],
        );
        assert.deepStrictEqual(
            ['0', '0%', '101%', '-1'].map((t) => 'problem' in parseMaxSurge(t)),
            [true, true, true, true],
        );
        // An upgrade may take no surge node, with max unavailable of at least 1.
        assert.deepStrictEqual(
            ['0', '0%', '101%'].map((t) => 'value' in parseMaxSurge(t, 0)),
            [true, true, false],
        );
        assert.deepStrictEqual(
            [
                ['0', undefined],
                ['0', '0'],
                ['0%', '0%'],
                ['0', '1'],
                ['0%', '5%'],
                ['1', undefined],
                [undefined, undefined],
            ].map(([surge, unavailable]) => surgeProblems(surge, unavailable).length),
            [1, 1, 1, 0, 0, 0, 0],
        );
        assert.strictEqual(surgeProblems('0', undefined)[0].code, 'optionConflict');
        assert.deepStrictEqual(
            ['0', '0%', '100%', '3'].map((t) => 'value' in parseMaxUnavailable(t)),
            [true, true, true, true],
        );
        assert.ok('problem' in parseMaxUnavailable('101%'));
        assert.deepStrictEqual(
            ['-1', '0.5', '0.00001'].map((t) => parseSpotMaxPrice(t)),
            [{ value: -1 }, { value: 0.5 }, { value: 0.00001 }],
        );
        assert.deepStrictEqual(
            ['0', '-2', '0.000001', 'cheap'].map((t) => 'problem' in parseSpotMaxPrice(t)),
            [true, true, true, true],
        );
        assert.ok('value' in parseSshPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI me@host'));
        assert.ok('value' in parseSshPublicKey('ssh-rsa AAAAB3NzaC1yc2E='));
        assert.ok('problem' in parseSshPublicKey('-----BEGIN OPENSSH PRIVATE KEY-----'), 'a private key is refused');
    });

    it("across options: Spot is for User pools, the count within the autoscaler's range, Ephemeral needs a size that supports it, node-image needs NodeImage", () => {
        const reasons = (problems: readonly { code: string; reason?: string }[]) => problems.map((p) => p.reason);
        assert.deepStrictEqual(reasons(poolOptionsProblems({ spot: { evictionPolicy: 'Delete', maxPrice: -1 } }, 'System', 3)), [
            'systemSpot',
        ]);
        assert.deepStrictEqual(reasons(poolOptionsProblems({ autoscale: { min: 3, max: 5 } }, 'User', 2)), ['countOutsideAutoscale']);
        assert.deepStrictEqual(reasons(poolOptionsProblems({ osDiskType: 'Ephemeral' }, 'User', 2, size())), ['ephemeralNotSupported']);
        assert.deepStrictEqual(poolOptionsProblems({ osDiskType: 'Ephemeral' }, 'User', 2, size({ ephemeralOsDisk: true })), []);
        assert.deepStrictEqual(reasons(clusterOptionsProblems({ upgradeChannel: 'node-image', nodeOsUpgradeChannel: 'None' })), [
            'nodeImageChannel',
        ]);
        assert.deepStrictEqual(clusterOptionsProblems({ upgradeChannel: 'node-image', nodeOsUpgradeChannel: 'NodeImage' }), []);
    });
});
