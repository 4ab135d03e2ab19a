import * as assert from 'assert';
import { clusterId, nodePoolId, snapshotId } from '../../src/model/armId';
import { EDGE_SUBSCRIPTION } from '../emulator/seeds';
import { DEFAULT, ESC, TestUserInput } from './TestUserInput';
import { emulator, runCommand, TestApi, withFreshSeed } from './testApi';

const group = 'rg-edges';
const edge = {
    cluster: clusterId(EDGE_SUBSCRIPTION, group, 'aks-edge'),
    kubenet: clusterId(EDGE_SUBSCRIPTION, group, 'aks-kubenet'),
    lts: clusterId(EDGE_SUBSCRIPTION, group, 'aks-lts'),
    older: nodePoolId(EDGE_SUBSCRIPTION, group, 'aks-edge', 'older'),
    snapshot: (name: string): string => snapshotId(EDGE_SUBSCRIPTION, group, name),
};

/**
 * Where AKS says no, judged from AKS's own answers: the pool's upgrade profile (R5), the cluster's available pool
 * versions and the region's support plans (R4, LTS), ARM's clock (R12) and the cluster's network (R16).
 */
describe("At AKS's edges: versions from AKS, LTS, the 90 days on Azure's clock, Windows networking", () => {
    const testApi = withFreshSeed('edges');
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    afterEach(async () => {
        await emulator.clearFaults();
        await emulator.knobs({ today: '2026-11-24T12:00:00Z' });
    });

    const reasonIn = (ui: TestUserInput, label: string, pick = 0): string =>
        ui.ofKind('quickPick')[pick].items!.find((i) => i.label.endsWith(label))?.detail ?? '';

    it("R5 from the pool's upgrade profile: a patch AKS no longer offers is refused though it is one minor up, and the profile is read once for every snapshot", async () => {
        const ui = new TestUserInput(['snap-k8s1334', ESC]);
        // The tree reads the profile too when the cluster expands (AKS's latest image): only the flow's reads are counted.
        const node = await api.tree.findElement(edge.older);
        await emulator.clearRequests();
        assert.strictEqual(await runCommand('aksSnapshots.upgradeToSnapshot', ui, node), undefined);
        assert.match(
            reasonIn(ui, 'snap-k8s1334'),
            /AKS does not list Kubernetes 1\.33\.4 as an upgrade for node pool "older"; it lists 1\.32\.9, 1\.33\.3, 1\.33\.5 \(the pool's upgrade profile\)/,
        );
        assert.match(ui.ofKind('quickPick')[1].text, /"snap-k8s1334" cannot be used/);
        const reads = (await emulator.requests()).filter((r) => /\/agentPools\/older\/upgradeProfiles\/default/i.test(r.url));
        assert.strictEqual(reads.length, 1, 'one read of the profile for every snapshot listed');
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it("when AKS's paths cannot be read, says so in the picker and the summary, and applies the one-minor rule instead", async () => {
        await emulator.addFault({
            method: 'GET',
            pathContains: '/agentPools/older/upgradeProfiles',
            status: 403,
            body: { error: { code: 'AuthorizationFailed', message: 'No read access to upgrade profiles.' } },
        });
        const ui = new TestUserInput(['snap-k8s1334', DEFAULT, ESC]);
        assert.strictEqual(await runCommand('aksSnapshots.upgradeToSnapshot', ui, await api.tree.findElement(edge.older)), undefined);
        assert.match(
            ui.ofKind('quickPick')[0].text,
            /AKS's upgrade paths for the pool could not be read \(.*No read access to upgrade profiles\..*\): the product's own one-minor-at-a-time rule was applied instead\./,
        );
        assert.strictEqual(reasonIn(ui, 'snap-k8s1334').includes('does not list'), false, 'the fall-back allows one minor up');
        const confirm = ui.ofKind('message')[0];
        assert.match(confirm.detail!, /AKS's upgrade paths for the pool could not be read/);
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it("R12 counts the 90 days on Azure's clock (its Date header), not the machine's", async () => {
        // Today by ARM's clock the image of snap-lts-131 (2026-11-03) is 21 days old; on 2027-02-20 it is 109.
        const before = new TestUserInput(['snap-stale-2608', ESC]);
        await runCommand('aksSnapshots.upgradeToSnapshot', before, await api.tree.findElement(edge.older));
        assert.match(
            reasonIn(before, 'snap-stale-2608'),
            /AKSUbuntu-2204gen2containerd-202608\.10\.0 was published on 2026-08-10, 10[67] days ago; AKS upgrades a pool to a snapshot only while its node image is within 90 days/,
        );
        assert.match(
            reasonIn(before, 'snap-undated'),
            /The publish date of the snapshot's node image AKSUbuntu-2204gen2containerd-custom cannot be read from its name, so it counts as more than 90 days old/,
        );
        assert.doesNotMatch(reasonIn(before, 'snap-k8s1334'), /R12/);

        await emulator.knobs({ today: '2027-02-20T12:00:00Z' });
        const later = new TestUserInput([ESC]);
        await runCommand('aksSnapshots.upgradeToSnapshot', later, await api.tree.findElement(edge.older));
        assert.match(
            reasonIn(later, 'snap-k8s1334'),
            /AKSUbuntu-2204gen2containerd-202611\.10\.0 was published on 2026-11-10, 10[23] days ago/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('Add Node Pool and Create Cluster warn of an old image (R12), and still add', async () => {
        const ui = new TestUserInput(['aks-edge', 'stale', 'User', DEFAULT, '1', 'Add Node Pool']);
        await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(edge.snapshot('snap-stale-2608')));
        assert.match(
            ui.ofKind('message')[0].detail!,
            /⚠ The snapshot's node image AKSUbuntu-2204gen2containerd-202608\.10\.0 was published on 2026-08-10/,
        );
        assert.strictEqual((await emulator.writes()).length, 1);
        const create = new TestUserInput(['aks-stale', group, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, ESC]);
        await runCommand('aksSnapshots.createCluster', create, await api.tree.findElement(edge.snapshot('snap-stale-2608')));
        assert.match(
            create.ofKind('message')[0].detail!,
            /⚠ The snapshot's node image AKSUbuntu-2204gen2containerd-202608\.10\.0 was published on 2026-08-10/,
        );
        assert.strictEqual((await emulator.writes()).length, 1, 'Esc at the summary sends nothing');
    });

    it("R4 for a new pool from the cluster's own list: an LTS-only version goes only to a cluster on long-term support", async () => {
        const ui = new TestUserInput(['aks-lts', 'ltspool', 'User', DEFAULT, '1', 'Add Node Pool']);
        await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(edge.snapshot('snap-lts-131')));
        const [clusters] = ui.ofKind('quickPick');
        // The region lists 1.31.13, but only under AKSLongTermSupport: AKS does not offer it to aks-edge.
        assert.match(
            clusters.items!.find((i) => i.label.endsWith('aks-edge'))!.detail!,
            /Snapshot "snap-lts-131" has Kubernetes 1\.31\.13, which AKS does not offer for new node pools in cluster "aks-edge" \(its available agent pool versions\)/,
        );
        const [put] = await emulator.writes();
        assert.match(put.url, /managedClusters\/aks-lts\/agentPools\/ltspool\?/);
        assert.strictEqual((put.body as { properties: { orchestratorVersion: string } }).properties.orchestratorVersion, '1.31.13');
    });

    it('Create Cluster from a snapshot whose version is LTS-only: Premium tier and AKSLongTermSupport, in the summary and the az line', async () => {
        const ui = new TestUserInput(['aks-lts2', group, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, 'Create']);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.createCluster',
            ui,
            await api.tree.findElement(edge.snapshot('snap-lts-131')),
        );
        assert.match(
            ui.ofKind('message')[0].detail!,
            /Support plan: AKS long-term support, Premium tier \(AKS offers Kubernetes 1\.31\.13 in eastus only under long-term support, which needs the Premium tier\)/,
        );
        const [put] = await emulator.writes();
        const body = put.body as { sku?: { tier?: string }; properties: { supportPlan?: string } };
        assert.deepStrictEqual([body.sku?.tier, body.properties.supportPlan], ['Premium', 'AKSLongTermSupport']);
        assert.match(result.azCommand, / --tier premium .*--k8s-support-plan AKSLongTermSupport /);
        const created = (await emulator.resources()).find((r) => r.id === clusterId(EDGE_SUBSCRIPTION, group, 'aks-lts2').toLowerCase());
        assert.strictEqual(created?.state, 'Succeeded');
    });

    it('R16: a Windows snapshot needs a cluster with Azure CNI: refused for a kubenet cluster, added to an azure one', async () => {
        const ui = new TestUserInput(['aks-kubenet', 'aks-edge', 'win1', 'User', DEFAULT, '1', 'Add Node Pool']);
        await runCommand('aksSnapshots.addNodePool', ui, await api.tree.findElement(edge.snapshot('snap-win-edge')));
        assert.match(
            reasonIn(ui, 'aks-kubenet'),
            /Snapshot "snap-win-edge" is of Windows, and cluster "aks-kubenet" uses the kubenet network plugin: Windows node pools need Azure CNI /,
        );
        const [put, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.match(put.url, /managedClusters\/aks-edge\/agentPools\/win1\?/);
    });
});
