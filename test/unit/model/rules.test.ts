import * as assert from 'assert';
import { PINNED_CHANNELS, reimagingChannel } from '../../../src/model/channels';
import { applyTagChange, MAX_TAGS, tagNameProblems, tagPatch, tagValueProblems } from '../../../src/model/tags';
import type { Cluster, NodePool, Snapshot } from '../../../src/model/aks';
import {
    clusterCreateCommands,
    nodePoolAddCommand,
    nodePoolUpgradeCommand,
    quoteArgument,
    snapshotCreateCommand,
    toShellLine,
    toShellScript,
} from '../../../src/model/azCommands';
import {
    clusterNameProblems,
    defaultDnsPrefix,
    defaultSnapshotName,
    dnsPrefixProblems,
    parseTags,
    poolNameProblems,
    resourceGroupNameProblems,
    snapshotNameProblems,
} from '../../../src/model/names';
import {
    addPoolProblems,
    effectiveOsSku,
    imageAgeProblems,
    PoolVersions,
    UpgradeFacts,
    nodeCountProblems,
    snapshotSourceProblems,
    subscriptionOf,
    supportedVersionProblems,
    systemPoolProblems,
    retiredOsProblems,
    upgradePath,
    upgradeProblems,
    vmSizeProblems,
} from '../../../src/model/rules';
import { suggestedVmSizes } from '../../../src/model/vmSize';

const pool = (over: Partial<NodePool> = {}): NodePool => ({
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c/agentPools/p',
    name: 'p',
    clusterId: 'c',
    mode: 'User',
    osType: 'Linux',
    osSku: 'Ubuntu',
    vmSize: 'Standard_D4s_v5',
    kubernetesVersion: '1.32.9',
    nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202609.01.0',
    provisioningState: 'Succeeded',
    poolType: 'VirtualMachineScaleSets',
    ...over,
});
const cluster = (over: Partial<Cluster> = {}): Cluster => ({
    id: 'c',
    name: 'c',
    subscriptionId: 's',
    resourceGroup: 'rg',
    location: 'eastus',
    kubernetesVersion: '1.33.5',
    provisioningState: 'Succeeded',
    nodePools: [],
    ...over,
});
const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
    id: '/subscriptions/other/resourceGroups/rg/providers/Microsoft.ContainerService/snapshots/snap',
    name: 'snap',
    subscriptionId: 'other',
    resourceGroup: 'rg',
    location: 'eastus',
    kubernetesVersion: '1.33.5',
    nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.0',
    osType: 'Linux',
    osSku: 'Ubuntu',
    vmSize: 'Standard_D8s_v5',
    tags: {},
    ...over,
});
const facts: UpgradeFacts = { now: new Date('2026-11-27T00:00:00Z') };
const offered = (...versions: string[]): PoolVersions => ({ versions, from: 'region' });
const codes = (problems: readonly { code: string }[]): string[] => problems.map((p) => p.code);

describe('Rules', () => {
    it('R3, R10, R11: which pools can be snapshotted', () => {
        assert.deepStrictEqual(snapshotSourceProblems(pool()), []);
        assert.deepStrictEqual(codes(snapshotSourceProblems(pool({ provisioningState: 'Scaling' }))), ['busy']);
        assert.deepStrictEqual(codes(snapshotSourceProblems(pool({ poolType: 'VirtualMachines' }))), ['virtualMachinesPool']);
        assert.deepStrictEqual(snapshotSourceProblems(pool({ nodeImageVersion: 'AKSUbuntu-1804gen2containerd-2021.11.09' })), [
            { code: 'imageTooOld', rule: 'R3', pool: 'p', image: 'AKSUbuntu-1804gen2containerd-2021.11.09', date: '2021-11-09' },
        ]);
        assert.deepStrictEqual(snapshotSourceProblems(pool({ nodeImageVersion: 'AKSUbuntu-1804gen2containerd-2021.11.10' })), []);
    });

    it('R1: VM sizes for pools made from a snapshot', () => {
        assert.deepStrictEqual(vmSizeProblems('Standard_DS2_v2', snapshot()), []);
        assert.deepStrictEqual(codes(vmSizeProblems('Standard_NC6s_v3', snapshot())), ['vmFamilyMismatch']);
        assert.deepStrictEqual(codes(vmSizeProblems('Standard_D4ps_v5', snapshot())), ['vmFamilyMismatch']);
        assert.deepStrictEqual(codes(vmSizeProblems('bogus', snapshot())), ['vmSizeUnknown']);
        const sizes = suggestedVmSizes('Standard_D4ps_v5');
        assert.strictEqual(sizes[0], 'Standard_D4ps_v5');
        assert.ok(
            sizes.every((s) => /^Standard_D\d+p/.test(s)),
            sizes.join(),
        );
    });

    it('R4 and the control plane: where a snapshot can seed a pool', () => {
        assert.deepStrictEqual(addPoolProblems(snapshot(), cluster(), offered('1.33.5')), []);
        assert.deepStrictEqual(codes(addPoolProblems(snapshot(), cluster(), offered('1.34.1'))), ['versionNotSupported']);
        assert.deepStrictEqual(codes(addPoolProblems(snapshot({ kubernetesVersion: '1.34.1' }), cluster(), offered('1.34.1'))), [
            'newerThanControlPlane',
        ]);
        assert.deepStrictEqual(codes(addPoolProblems(snapshot(), cluster({ provisioningState: 'Upgrading' }), offered('1.33.5'))), [
            'busy',
        ]);
        assert.deepStrictEqual(codes(supportedVersionProblems(snapshot(), 'westus2', [])), ['versionNotSupported']);
    });

    it('R5, R6: upgrades', () => {
        assert.deepStrictEqual(upgradeProblems(pool(), cluster(), snapshot(), facts), []);
        assert.strictEqual(upgradePath(pool(), snapshot()), 'kubernetes');
        assert.strictEqual(upgradePath(pool({ kubernetesVersion: '1.33.5' }), snapshot()), 'nodeImageOnly');
        assert.deepStrictEqual(
            codes(upgradeProblems(pool({ kubernetesVersion: '1.34.1' }), cluster({ kubernetesVersion: '1.34.1' }), snapshot(), facts)),
            ['versionNotNewer'],
        );
        assert.deepStrictEqual(
            codes(upgradeProblems(pool({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.0' }), cluster(), snapshot(), facts)),
            ['imageNotNewer'],
        );
        assert.deepStrictEqual(codes(upgradeProblems(pool({ kubernetesVersion: '1.31.2' }), cluster(), snapshot(), facts)), ['skipsMinor']);
        assert.deepStrictEqual(codes(upgradeProblems(pool(), cluster({ kubernetesVersion: '1.32.9' }), snapshot(), facts)), [
            'newerThanControlPlane',
        ]);
        assert.deepStrictEqual(codes(upgradeProblems(pool({ vmSize: 'Standard_E8s_v5' }), cluster(), snapshot(), facts)), [
            'vmFamilyMismatch',
        ]);
        assert.deepStrictEqual(codes(upgradeProblems(pool({ osType: 'Windows' }), cluster(), snapshot(), facts)), ['osMismatch']);
        assert.deepStrictEqual(
            codes(upgradeProblems(pool({ provisioningState: 'Creating' }), cluster({ provisioningState: 'Updating' }), snapshot(), facts)),
            ['busy', 'busy'],
        );
    });

    it("R14: an upgrade keeps the pool's OS, FIPS and release; same-day images go by revision", () => {
        const u2404 = 'AKSUbuntu-2404gen2containerd-202610.01.0';
        assert.deepStrictEqual(
            codes(upgradeProblems(pool({ osSku: 'Ubuntu2404', nodeImageVersion: u2404 }), cluster(), snapshot(), facts)),
            ['osDowngrade'],
        );
        assert.deepStrictEqual(
            upgradeProblems(pool({ osSku: 'Ubuntu2204' }), cluster(), snapshot({ osSku: 'Ubuntu' }), facts),
            [],
            'Ubuntu2204 and Ubuntu are one family',
        );
        assert.deepStrictEqual(
            upgradeProblems(
                pool(),
                cluster(),
                snapshot({ osSku: 'Ubuntu2404', nodeImageVersion: 'AKSUbuntu-2404gen2containerd-202611.03.0' }),
                facts,
            ),
            [],
            'going up from 22.04 to 24.04 is allowed',
        );
        assert.deepStrictEqual(
            codes(
                upgradeProblems(
                    pool({ osSku: 'AzureLinux', nodeImageVersion: 'AKSAzureLinux-V3gen2-202609.15.0' }),
                    cluster(),
                    snapshot(),
                    facts,
                ),
            ),
            ['osSkuChange'],
        );
        assert.deepStrictEqual(
            upgradeProblems(
                pool({ osSku: 'CBLMariner', nodeImageVersion: 'AKSCBLMariner-V2gen2-202609.15.0' }),
                cluster(),
                snapshot({ osSku: 'AzureLinux', nodeImageVersion: 'AKSAzureLinux-V3gen2-202611.03.0' }),
                facts,
            ),
            [],
            'CBLMariner is Azure Linux',
        );
        // R5's skew: within two minor versions of the control plane (REST spec, orchestratorVersion).
        assert.deepStrictEqual(
            codes(addPoolProblems(snapshot({ kubernetesVersion: '1.31.9' }), cluster({ kubernetesVersion: '1.33.5' }), offered('1.31.9'))),
            [],
        );
        assert.deepStrictEqual(
            codes(addPoolProblems(snapshot({ kubernetesVersion: '1.30.7' }), cluster({ kubernetesVersion: '1.33.5' }), offered('1.30.7'))),
            ['behindControlPlane'],
        );
        assert.deepStrictEqual(
            codes(
                upgradeProblems(
                    pool({ kubernetesVersion: '1.29.9', nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202501.01.0' }),
                    cluster({ kubernetesVersion: '1.33.5' }),
                    snapshot({ kubernetesVersion: '1.30.7' }),
                    facts,
                ),
            ),
            ['behindControlPlane'],
        );
        // R15: operating systems AKS retired: Azure Linux 2.0 for everything, Windows Server 2019 from Kubernetes 1.33.
        const azl2 = snapshot({ osSku: 'AzureLinux', nodeImageVersion: 'AKSAzureLinux-V2gen2-202512.06.0' });
        assert.deepStrictEqual(
            retiredOsProblems(azl2).map((p) => [p.code, p.rule, (p as { os: string }).os]),
            [['osRetired', 'R15', 'Azure Linux 2.0']],
        );
        assert.deepStrictEqual(
            codes(
                upgradeProblems(
                    pool({ osSku: 'AzureLinux', nodeImageVersion: 'AKSAzureLinux-V2gen2-202511.20.0' }),
                    cluster(),
                    azl2,
                    facts,
                ),
            ),
            ['osRetired', 'imageAge'],
        );
        assert.deepStrictEqual(codes(addPoolProblems(snapshot({ osSku: 'CBLMariner' }), cluster(), offered('1.33.5'))), ['osRetired']);
        const win2019 = (version: string) =>
            snapshot({
                osType: 'Windows',
                osSku: 'Windows2019',
                kubernetesVersion: version,
                nodeImageVersion: 'AKSWindows-2019-containerd-17763.7009.261118',
            });
        assert.deepStrictEqual([retiredOsProblems(win2019('1.32.9')).length, retiredOsProblems(win2019('1.33.5')).length], [0, 1]);
        // An unset Windows OS SKU is AKS's default for the version: Windows2022 from 1.25, Windows2019 before.
        assert.deepStrictEqual(
            [
                effectiveOsSku('Windows', undefined, '1.24.9'),
                effectiveOsSku('Windows', undefined, '1.25.0'),
                effectiveOsSku('Linux', undefined, '1.33.5'),
                effectiveOsSku('Windows', 'Windows2025', '1.33.5'),
            ],
            ['Windows2019', 'Windows2022', 'Ubuntu', 'Windows2025'],
        );
        assert.deepStrictEqual(
            retiredOsProblems(
                snapshot({
                    osType: 'Windows',
                    osSku: undefined,
                    kubernetesVersion: '1.33.5',
                    nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.251021',
                }),
            ),
            [],
        );
        const windows = { osType: 'Windows', vmSize: 'Standard_D8s_v5' };
        assert.deepStrictEqual(
            codes(
                upgradeProblems(
                    pool({ ...windows, osSku: 'Windows2019', nodeImageVersion: 'AKSWindows-2019-containerd-17763.6000.250901' }),
                    cluster(),
                    snapshot({ osType: 'Windows', osSku: 'Windows2022', nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.261021' }),
                    facts,
                ),
            ),
            ['osSkuChange'],
        );
        assert.deepStrictEqual(codes(upgradeProblems(pool({ enableFips: true }), cluster(), snapshot(), facts)), ['fipsChange']);
        assert.deepStrictEqual(codes(upgradeProblems(pool(), cluster(), snapshot({ enableFips: true }), facts)), ['fipsChange']);
        assert.deepStrictEqual(upgradeProblems(pool({ enableFips: true }), cluster(), snapshot({ enableFips: true }), facts), []);
        // Same day: the revision orders them.
        const sameDay = { kubernetesVersion: '1.33.5', nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.0' };
        assert.deepStrictEqual(
            upgradeProblems(pool(sameDay), cluster(), snapshot({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.1' }), facts),
            [],
        );
        assert.deepStrictEqual(
            codes(
                upgradeProblems(
                    pool({ ...sameDay, nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.1' }),
                    cluster(),
                    snapshot(),
                    facts,
                ),
            ),
            ['imageNotNewer'],
        );
    });

    it("R7: which channels move a pool off its snapshot's image", () => {
        const channel = (upgradeChannel?: string, nodeOsUpgradeChannel?: string) =>
            reimagingChannel({ name: 'c', upgradeChannel, nodeOsUpgradeChannel });
        assert.strictEqual(channel('none', 'None'), undefined);
        assert.strictEqual(channel('none', 'Unmanaged'), undefined);
        assert.deepStrictEqual(channel('none', 'NodeImage'), {
            code: 'channelReimages',
            rule: 'R7',
            cluster: 'c',
            setting: 'nodeOSUpgradeChannel',
            channel: 'NodeImage',
        });
        assert.strictEqual(channel('none', 'SecurityPatch')?.channel, 'SecurityPatch');
        assert.strictEqual(channel(undefined, undefined)?.channel, 'NodeImage', 'a cluster that names none gets the default, NodeImage');
        for (const kubernetes of ['rapid', 'stable', 'patch', 'node-image']) {
            assert.deepStrictEqual(
                [channel(kubernetes, 'None')?.setting, channel(kubernetes, 'None')?.channel],
                ['upgradeChannel', kubernetes],
            );
        }
    });

    it('fails closed on what it cannot read: an unknown state is busy, an unreadable version or image is not newer', () => {
        assert.deepStrictEqual(codes(upgradeProblems(pool({ provisioningState: undefined }), cluster(), snapshot(), facts)), ['busy']);
        assert.deepStrictEqual(codes(upgradeProblems(pool({ provisioningState: 'Frobnicating' }), cluster(), snapshot(), facts)), ['busy']);
        assert.deepStrictEqual(codes(upgradeProblems(pool(), cluster(), snapshot({ kubernetesVersion: 'garbage' }), facts)), [
            'versionUnreadable',
        ]);
        assert.deepStrictEqual(codes(upgradeProblems(pool({ kubernetesVersion: 'v1.x' }), cluster(), snapshot(), facts)), [
            'versionUnreadable',
        ]);
        assert.deepStrictEqual(codes(upgradeProblems(pool(), cluster(), snapshot({ nodeImageVersion: 'garbage' }), facts)), [
            'imageNotNewer',
            'imageDateUnknown',
        ]);
        assert.deepStrictEqual(codes(upgradeProblems(pool({ nodeImageVersion: undefined }), cluster(), snapshot(), facts)), [
            'imageNotNewer',
        ]);
    });

    it("R8: a cluster's system pool", () => {
        assert.deepStrictEqual(systemPoolProblems(snapshot(), 'Standard_D4s_v5'), []);
        assert.deepStrictEqual(codes(systemPoolProblems(snapshot({ osType: 'Windows' }))), ['systemPoolWindows']);
        assert.deepStrictEqual(codes(systemPoolProblems(snapshot(), 'Standard_B4ms')), ['systemPoolBSeries']);
        assert.deepStrictEqual(codes(systemPoolProblems(snapshot(), 'Standard_D2s_v5')), ['systemPoolVcpus']);
    });

    it("R12: past 90 days on Azure's clock, or with no readable date, an upgrade is refused, naming the date", () => {
        const now = new Date('2026-11-27T00:00:00Z');
        assert.deepStrictEqual(imageAgeProblems(snapshot(), now), []);
        assert.deepStrictEqual(
            imageAgeProblems(snapshot({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202608.29.0' }), now),
            [],
            '90 days is still within',
        );
        assert.deepStrictEqual(imageAgeProblems(snapshot({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202608.01.0' }), now), [
            { code: 'imageAge', rule: 'R12', image: 'AKSUbuntu-2204gen2containerd-202608.01.0', date: '2026-08-01', days: 118 },
        ]);
        assert.deepStrictEqual(imageAgeProblems(snapshot({ nodeImageVersion: 'AKSUbuntu-custom' }), now), [
            { code: 'imageDateUnknown', rule: 'R12', image: 'AKSUbuntu-custom' },
        ]);
        const old = snapshot({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202608.01.0' });
        assert.deepStrictEqual(
            codes(upgradeProblems(pool({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202607.01.0' }), cluster(), old, facts)),
            ['imageAge'],
        );
        // The clock is Azure's: the same image judged on a later day of Azure's clock is refused.
        assert.deepStrictEqual(
            upgradeProblems(pool(), cluster(), snapshot(), { now: new Date('2027-02-15T00:00:00Z') }).map((p) => p.code),
            ['imageAge'],
        );
    });

    it("R5 from AKS: the pool's upgrade profile decides; the one-minor rule only when it could not be read", () => {
        const listed: UpgradeFacts = { ...facts, upgrades: ['1.33.3', '1.33.5'] };
        assert.deepStrictEqual(upgradeProblems(pool(), cluster(), snapshot(), listed), []);
        assert.deepStrictEqual(
            upgradeProblems(pool(), cluster(), snapshot({ kubernetesVersion: '1.33.4' }), listed),
            [{ code: 'notListedUpgrade', rule: 'R5', pool: 'p', version: '1.33.4', listed: ['1.33.3', '1.33.5'] }],
            'a patch AKS no longer offers, which the hand rule would allow',
        );
        assert.deepStrictEqual(
            codes(upgradeProblems(pool(), cluster(), snapshot({ kubernetesVersion: '1.33.4' }), facts)),
            [],
            'fall-back: one minor up is allowed',
        );
        // An LTS path AKS lists (two minors at once) is taken; the fall-back, which knows no LTS, refuses it.
        const lts = { pool: pool({ kubernetesVersion: '1.31.9' }), cluster: cluster({ kubernetesVersion: '1.33.5' }) };
        assert.deepStrictEqual(upgradeProblems(lts.pool, lts.cluster, snapshot(), { ...facts, upgrades: ['1.33.5'] }), []);
        assert.deepStrictEqual(codes(upgradeProblems(lts.pool, lts.cluster, snapshot(), facts)), ['skipsMinor']);
        assert.deepStrictEqual(codes(upgradeProblems(pool(), cluster(), snapshot(), { ...facts, upgrades: [] })), ['notListedUpgrade']);
        // A node-image-only upgrade does not ask the list.
        assert.deepStrictEqual(
            upgradeProblems(pool({ kubernetesVersion: '1.33.5' }), cluster(), snapshot(), { ...facts, upgrades: [] }),
            [],
        );
    });

    it("R16 and R4 for a new pool: Windows needs Azure CNI; the versions are the cluster's own list from AKS", () => {
        const win = snapshot({ osType: 'Windows', osSku: 'Windows2022', nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.261021' });
        assert.deepStrictEqual(addPoolProblems(win, cluster({ networkPlugin: 'kubenet' }), offered('1.33.5')), [
            { code: 'windowsNeedsAzureCni', rule: 'R16', snapshot: 'snap', cluster: 'c', networkPlugin: 'kubenet' },
        ]);
        assert.deepStrictEqual(addPoolProblems(win, cluster({ networkPlugin: 'azure' }), offered('1.33.5')), []);
        assert.deepStrictEqual(
            addPoolProblems(snapshot(), cluster({ networkPlugin: 'kubenet' }), offered('1.33.5')),
            [],
            'Linux pools take kubenet',
        );
        assert.deepStrictEqual(addPoolProblems(snapshot(), cluster(), { versions: ['1.34.1'], from: 'cluster' }), [
            { code: 'versionNotSupported', rule: 'R4', snapshot: 'snap', version: '1.33.5', location: 'eastus', cluster: 'c' },
        ]);
    });

    it('R13: the subscription comes from the id', () => {
        assert.strictEqual(subscriptionOf(snapshot().id), 'other');
    });

    it('node counts', () => {
        assert.deepStrictEqual(nodeCountProblems('0', 'User'), []);
        assert.deepStrictEqual(codes(nodeCountProblems('0', 'System')), ['nodeCount']);
        assert.deepStrictEqual(codes(nodeCountProblems('1001', 'User')), ['nodeCount']);
        assert.deepStrictEqual(codes(nodeCountProblems('2.5', 'User')), ['nodeCount']);
    });
});

describe('Names (R9)', () => {
    it('node pools', () => {
        assert.deepStrictEqual(poolNameProblems('gpu2', 'Linux', 'c', []), []);
        assert.deepStrictEqual(codes(poolNameProblems('Gpu', 'Linux', 'c', [])), ['poolName']);
        assert.deepStrictEqual(codes(poolNameProblems('abcdefghijklm', 'Linux', 'c', [])), ['poolName']);
        assert.deepStrictEqual(codes(poolNameProblems('win1234', 'Windows', 'c', [])), ['poolName']);
        assert.deepStrictEqual(codes(poolNameProblems('gpu', 'Linux', 'c', ['GPU'])), ['poolNameTaken']);
    });

    it('snapshots, clusters, DNS prefixes, resource groups', () => {
        assert.deepStrictEqual(snapshotNameProblems('a_b-c', 'rg', []), []);
        assert.deepStrictEqual(codes(snapshotNameProblems('a'.repeat(64), 'rg', [])), ['snapshotName']);
        assert.deepStrictEqual(codes(snapshotNameProblems('snap-', 'rg', [])), ['snapshotName']);
        assert.deepStrictEqual(codes(snapshotNameProblems('Snap', 'rg', ['snap'])), ['snapshotNameTaken']);
        assert.deepStrictEqual(codes(clusterNameProblems('aks.prod', 'rg', [])), ['clusterName']);
        assert.deepStrictEqual(dnsPrefixProblems('a'.repeat(54)), []);
        assert.deepStrictEqual(codes(dnsPrefixProblems('a'.repeat(55))), ['dnsPrefix']);
        assert.deepStrictEqual(codes(resourceGroupNameProblems('rg.')), ['resourceGroupName']);
    });

    it('defaults', () => {
        assert.strictEqual(defaultSnapshotName('aks-prod', 'system', new Date('2026-11-27T12:00:00Z')), 'aks-prod-system-20261127');
        const long = defaultSnapshotName('c'.repeat(70), 'pool', new Date('2026-11-27T12:00:00Z'));
        assert.ok(long.length <= 63 && long.endsWith('-20261127'), long);
        assert.deepStrictEqual(snapshotNameProblems(long, 'rg', []), []);
        assert.strictEqual(defaultDnsPrefix('aks_golden_'), 'aks-golden');
    });

    it('tags', () => {
        assert.deepStrictEqual(parseTags('a=1, owner=Jo Doe'), { tags: { a: '1', owner: 'Jo Doe' } });
        assert.deepStrictEqual(parseTags(''), { tags: {} });
        assert.deepStrictEqual(parseTags('a=1,=2'), { problem: { code: 'tag', rule: 'tags', value: '=2' } });
        assert.deepStrictEqual(parseTags('a/b=1'), { problem: { code: 'tagName', rule: 'tags', name: 'a/b' } });
        assert.deepStrictEqual(
            parseTags('a=1, -x=2'),
            { problem: { code: 'tagNameDash', rule: 'tags', name: '-x' } },
            'az would read -x=2 as an option',
        );
        assert.deepStrictEqual(
            parseTags('a=1, A=2'),
            { problem: { code: 'tagNameTaken', rule: 'tags', name: 'A' } },
            'tag names ignore case',
        );
        assert.deepStrictEqual(parseTags(`a=${'x'.repeat(257)}`), { problem: { code: 'tagValue', rule: 'tags', value: 'x'.repeat(257) } });
    });

    it("one tag change at a time, within Azure's limits, keeping every other tag", () => {
        const tags = { team: 'platform', 'cost=center': '42,43' };
        assert.deepStrictEqual(applyTagChange(tags, { kind: 'add', key: 'owner', value: 'Jo, Doe' }), {
            team: 'platform',
            'cost=center': '42,43',
            owner: 'Jo, Doe',
        });
        assert.deepStrictEqual(
            applyTagChange(tags, { kind: 'change', key: 'TEAM', value: 'infra', was: 'platform' }),
            { team: 'infra', 'cost=center': '42,43' },
            'names ignore case',
        );
        assert.deepStrictEqual(applyTagChange(tags, { kind: 'remove', key: 'cost=center', was: '42,43' }), { team: 'platform' });
        assert.strictEqual(applyTagChange(tags, { kind: 'add', key: 'Team', value: 'x' }), undefined, 'the tag to add exists now');
        assert.strictEqual(applyTagChange(tags, { kind: 'remove', key: 'gone', was: '' }), undefined, 'the tag to remove is gone');
        assert.strictEqual(
            applyTagChange(tags, { kind: 'change', key: 'team', value: 'x', was: 'infra' }),
            undefined,
            'someone else changed its value meanwhile',
        );
        assert.deepStrictEqual(
            [
                tagPatch(tags, { kind: 'change', key: 'TEAM', value: 'infra', was: 'platform' }),
                tagPatch(tags, { kind: 'remove', key: 'team', was: 'platform' }),
            ],
            [
                { operation: 'Merge', tags: { team: 'infra' } },
                { operation: 'Delete', tags: { team: 'platform' } },
            ],
            'one tag to Merge, one name and value to Delete',
        );
        const full = Object.fromEntries(Array.from({ length: MAX_TAGS }, (_, i) => [`k${i}`, '']));
        assert.strictEqual(applyTagChange(full, { kind: 'add', key: 'one-more', value: '' }), undefined);
        assert.deepStrictEqual(
            tagNameProblems('one-more', full).map((p) => p.code),
            ['tooManyTags'],
        );
        assert.deepStrictEqual(
            tagNameProblems('x'.repeat(513), {}).map((p) => p.code),
            ['tagName'],
        );
        assert.deepStrictEqual(tagNameProblems('x'.repeat(512), {}), []);
        assert.deepStrictEqual(tagValueProblems('x'.repeat(256)), []);
        assert.deepStrictEqual(
            ['a<b', 'a>b', 'a%b', 'a&b', 'a\\b', 'a?b', 'a/b', '', '  '].map((k) => tagNameProblems(k, {}).map((p) => p.code)[0]),
            Array(9).fill('tagName'),
        );
    });
});

describe('Azure CLI command lines', () => {
    it('quotes for a POSIX shell only what needs it', () => {
        assert.strictEqual(quoteArgument('/subscriptions/s/resourceGroups/rg'), '/subscriptions/s/resourceGroups/rg');
        assert.strictEqual(quoteArgument('team=platform'), 'team=platform');
        assert.strictEqual(quoteArgument('two words'), "'two words'");
        assert.strictEqual(quoteArgument("it's"), "'it'\\''s'");
        assert.strictEqual(quoteArgument('$HOME;rm'), "'$HOME;rm'");
        assert.strictEqual(quoteArgument(''), "''");
    });

    it('snapshot create, with the region and tags', () => {
        assert.strictEqual(
            toShellLine(
                snapshotCreateCommand({
                    subscriptionId: 's',
                    resourceGroup: 'rg',
                    name: 'n',
                    nodePoolId: '/p',
                    location: 'westeurope',
                    tags: { owner: 'Jo Doe' },
                }),
            ),
            "az aks nodepool snapshot create --subscription s --resource-group rg --name n --nodepool-id /p --location westeurope --tags 'owner=Jo Doe'",
        );
    });

    it('nodepool add, upgrade and cluster create', () => {
        const clusterInS = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c';
        assert.strictEqual(
            toShellLine(
                nodePoolAddCommand(clusterInS, {
                    name: 'win',
                    snapshotId: '/snap',
                    vmSize: 'Standard_D4s_v5',
                    count: 2,
                    mode: 'User',
                    osType: 'Windows',
                    kubernetesVersion: '1.33.5',
                }),
            ),
            'az aks nodepool add --subscription s --resource-group rg --cluster-name c --name win --snapshot-id /snap --node-vm-size Standard_D4s_v5 --node-count 2 --mode User --os-type Windows',
        );
        assert.strictEqual(
            toShellLine(
                nodePoolUpgradeCommand({
                    subscriptionId: 's',
                    resourceGroup: 'rg',
                    cluster: 'c',
                    name: 'p',
                    snapshotId: '/snap',
                    nodeImageOnly: true,
                    maxSurge: '33%',
                }),
            ),
            'az aks nodepool upgrade --subscription s --resource-group rg --cluster-name c --name p --snapshot-id /snap --node-image-only --yes',
        );
        assert.strictEqual(
            toShellLine(
                nodePoolUpgradeCommand({
                    subscriptionId: 's',
                    resourceGroup: 'rg',
                    cluster: 'c',
                    name: 'p',
                    snapshotId: '/snap',
                    nodeImageOnly: false,
                    maxSurge: '33%',
                }),
            ),
            'az aks nodepool upgrade --subscription s --resource-group rg --cluster-name c --name p --snapshot-id /snap --max-surge 33% --yes',
        );
        const commands = clusterCreateCommands(
            's',
            {
                resourceGroup: 'rg (new)',
                name: 'c',
                location: 'eastus',
                dnsPrefix: 'c',
                nodePoolName: 'sys',
                vmSize: 'Standard_D4s_v5',
                count: 3,
                snapshot: snapshot({ id: '/snap' }),
                channels: PINNED_CHANNELS,
            },
            true,
        );
        assert.strictEqual(
            toShellScript(commands),
            "az group create --subscription s --name 'rg (new)' --location eastus && az aks create --subscription s --resource-group 'rg (new)' --name c --location eastus " +
                '--dns-name-prefix c --nodepool-name sys --node-vm-size Standard_D4s_v5 --node-count 3 --snapshot-id /snap --no-ssh-key --auto-upgrade-channel none --node-os-upgrade-channel None',
        );
    });
});
