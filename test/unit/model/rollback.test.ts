import * as assert from 'assert';
import fc from 'fast-check';
import type { Cluster, NodePool } from '../../../src/model/aks';
import { RecentlyUsedVersion, rollbackChoices, ROLLBACK_DAYS, snapshotAsRollback } from '../../../src/model/rollback';
import { daysBehind, nodeImageFamily } from '../../../src/model/versions';

const NOW = new Date('2026-11-24T12:00:00Z');
const UBUNTU = 'AKSUbuntu-2204gen2containerd-';
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);
const pool = (over: Partial<NodePool> = {}): NodePool => ({
    id: 'p',
    name: 'p',
    clusterId: 'c',
    mode: 'User',
    osType: 'Linux',
    vmSize: 'Standard_D4s_v5',
    kubernetesVersion: '1.34.1',
    nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.10.0',
    provisioningState: 'Succeeded',
    ...over,
});
const cluster = (over: Partial<Cluster> = {}): Cluster => ({
    id: 'c',
    name: 'c',
    subscriptionId: 's',
    resourceGroup: 'rg',
    location: 'eastus',
    kubernetesVersion: '1.34.1',
    nodePools: [],
    upgradeChannel: 'none',
    nodeOsUpgradeChannel: 'None',
    provisioningState: 'Succeeded',
    ...over,
});
const version = (kubernetesVersion: string, image: string, lastUsed?: Date): RecentlyUsedVersion => ({
    kubernetesVersion,
    nodeImageVersion: `AKSUbuntu-2204gen2containerd-${image}`,
    ...(lastUsed ? { lastUsed } : {}),
});
const codes = (choices: ReturnType<typeof rollbackChoices>): string[][] => choices.map((c) => c.problems.map((p) => p.code));

describe('Rollback (AKS docs, "Roll back node pool versions")', () => {
    it('offers the recently used versions newest first, less the one the pool runs; within seven days it is usable', () => {
        const history = [
            version('1.33.5', '202610.20.0', daysAgo(14)),
            version('1.34.1', '202611.03.0', daysAgo(3)),
            version('1.34.1', '202611.10.0', daysAgo(1)),
        ];
        const choices = rollbackChoices(pool(), cluster(), history, NOW);
        assert.deepStrictEqual(
            choices.map((c) => c.version.nodeImageVersion),
            ['AKSUbuntu-2204gen2containerd-202611.03.0', 'AKSUbuntu-2204gen2containerd-202610.20.0'],
        );
        assert.deepStrictEqual(codes(choices), [[], ['rollbackExpired']]);
    });

    it('refuses every choice while the auto-upgrade channel is on, right after a rollback, or while the pool is busy or stopped', () => {
        const history = [version('1.34.1', '202611.03.0', daysAgo(3))];
        assert.deepStrictEqual(codes(rollbackChoices(pool(), cluster({ upgradeChannel: 'patch' }), history, NOW)), [['rollbackChannelOn']]);
        assert.deepStrictEqual(codes(rollbackChoices(pool({ provisioningState: 'Upgrading' }), cluster(), history, NOW)), [['busy']]);
        assert.deepStrictEqual(codes(rollbackChoices(pool({ powerState: 'Stopped' }), cluster(), history, NOW)), [['stopped']]);
        // The pool went back from 202611.10.0 to 202611.03.0: the newest entry is later than what it runs.
        const afterRollback = [version('1.34.1', '202611.10.0', daysAgo(1)), version('1.33.5', '202610.20.0', daysAgo(2))];
        assert.deepStrictEqual(
            codes(rollbackChoices(pool({ nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.0' }), cluster(), afterRollback, NOW)),
            [['rollbackAfterRollback', 'rollbackNotEarlier'], ['rollbackAfterRollback']],
        );
        // The node OS channel does not stop a rollback (AKS may then not restore the image: the confirmation says so).
        assert.deepStrictEqual(codes(rollbackChoices(pool(), cluster({ nodeOsUpgradeChannel: 'NodeImage' }), history, NOW)), [[]]);
    });

    it("refuses a Kubernetes version AKS no longer offers the pool, another OS SKU's image, and a version with no time given", () => {
        const history = [version('1.33.5', '202611.03.0', daysAgo(2))];
        assert.deepStrictEqual(codes(rollbackChoices(pool(), cluster(), history, NOW, ['1.34.1'])), [['rollbackVersionGone']]);
        const azureLinux = [{ kubernetesVersion: '1.34.1', nodeImageVersion: 'AKSAzureLinux-V3gen2-202611.03.0', lastUsed: daysAgo(2) }];
        assert.deepStrictEqual(codes(rollbackChoices(pool(), cluster(), azureLinux, NOW)), [['rollbackOsSku']]);
        assert.deepStrictEqual(codes(rollbackChoices(pool(), cluster(), [version('1.34.1', '202611.03.0')], NOW)), [['rollbackExpired']]);
    });

    it('an older snapshot is a rollback only when R5 refuses it as an upgrade and AKS keeps its exact version for the pool', () => {
        const history = [version('1.34.1', '202611.03.0', daysAgo(3))];
        const notNewer = [{ code: 'imageNotNewer', rule: 'R5', snapshotImage: 'x', poolImage: 'y' } as const];
        const back = snapshotAsRollback(
            pool(),
            cluster(),
            { kubernetesVersion: '1.34.1', nodeImageVersion: `${UBUNTU}202611.03.0` },
            notNewer,
            history,
            NOW,
        );
        assert.deepStrictEqual([back?.version.nodeImageVersion, back?.problems], [`${UBUNTU}202611.03.0`, []]);
        assert.strictEqual(
            snapshotAsRollback(
                pool(),
                cluster(),
                { kubernetesVersion: '1.34.1', nodeImageVersion: `${UBUNTU}202611.03.0` },
                [],
                history,
                NOW,
            ),
            undefined,
            'not refused as an upgrade: an upgrade',
        );
        assert.strictEqual(
            snapshotAsRollback(
                pool(),
                cluster(),
                { kubernetesVersion: '1.33.5', nodeImageVersion: `${UBUNTU}202611.03.0` },
                notNewer,
                history,
                NOW,
            ),
            undefined,
            'another Kubernetes version',
        );
        assert.deepStrictEqual(
            snapshotAsRollback(
                pool(),
                cluster({ upgradeChannel: 'stable' }),
                { kubernetesVersion: '1.34.1', nodeImageVersion: `${UBUNTU}202611.03.0` },
                notNewer,
                history,
                NOW,
            )?.problems.map((p) => p.code),
            ['rollbackChannelOn'],
        );
    });

    it('property: a usable choice is never the version the pool runs, is within seven days, with the auto-upgrade channel off; newest first', () => {
        const image = fc
            .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
            .map(([m, d]) => `2026${String(m).padStart(2, '0')}.${String(d).padStart(2, '0')}.0`);
        fc.assert(
            fc.property(
                fc.array(fc.record({ minor: fc.integer({ min: 32, max: 34 }), image, days: fc.double({ min: 0, max: 20, noNaN: true }) }), {
                    maxLength: 6,
                }),
                fc.constantFrom('none', 'patch'),
                (entries, channel) => {
                    const history = entries.map((e) => version(`1.${e.minor}.1`, e.image, daysAgo(e.days)));
                    const choices = rollbackChoices(pool(), cluster({ upgradeChannel: channel }), history, NOW);
                    assert.ok(
                        choices.every((c) => c.version.nodeImageVersion !== pool().nodeImageVersion),
                        'never the version the pool runs',
                    );
                    for (const c of choices) {
                        const days = (NOW.getTime() - c.version.lastUsed!.getTime()) / 86_400_000;
                        if (c.problems.length === 0) {
                            assert.strictEqual(channel, 'none');
                            assert.ok(days <= ROLLBACK_DAYS);
                        }
                        if (days > ROLLBACK_DAYS) {
                            assert.ok(c.problems.some((p) => p.code === 'rollbackExpired'));
                        }
                    }
                    const times = choices.map((c) => c.version.lastUsed!.getTime());
                    assert.deepStrictEqual(
                        times,
                        [...times].sort((a, b) => b - a),
                        'newest first',
                    );
                },
            ),
            { numRuns: process.env.AKS_TEST_FAST ? 10 : 100 },
        );
    });

    it("a node image's family is its name without the release; days behind the latest count by publish date", () => {
        assert.strictEqual(nodeImageFamily('AKSUbuntu-2204gen2containerd-202611.03.0'), 'aksubuntu-2204gen2containerd');
        assert.strictEqual(nodeImageFamily('AKSWindows-2022-containerd-20348.4294.261021'), 'akswindows-2022-containerd');
        assert.strictEqual(daysBehind('AKSUbuntu-2204gen2containerd-202611.03.0', 'AKSUbuntu-2204gen2containerd-202611.17.0'), 14);
        assert.strictEqual(daysBehind('AKSWindows-2022-containerd-20348.4294.261021', 'AKSWindows-2022-containerd-20348.4405.261118'), 28);
        assert.strictEqual(
            daysBehind('AKSUbuntu-2204gen2containerd-202611.17.0', 'AKSUbuntu-2204gen2containerd-202611.03.0'),
            0,
            'newer than the latest read: not behind',
        );
        assert.strictEqual(
            daysBehind('AKSUbuntu-1804gen2containerd-2021.10.19', 'AKSUbuntu-2204gen2containerd-202611.17.0'),
            1855,
            "AKS's latest for the pool, of another release",
        );
        assert.strictEqual(
            daysBehind('AKSUbuntu-2204gen2containerd-custom', 'AKSUbuntu-2204gen2containerd-202611.17.0'),
            undefined,
            'no date',
        );
    });
});
