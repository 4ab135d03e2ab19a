import * as assert from 'assert';
import { PLATFORM_SUBSCRIPTION } from '../emulator/seeds';
import { ids } from './seedIds';
import { Answer, DEFAULT, ESC, TestUserInput } from './TestUserInput';
import { emulator, runCommand, shownTree, TestApi, withFreshSeed } from './testApi';

describe('Create Snapshot', () => {
    const testApi = withFreshSeed();
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    it('snapshots a pool in its own region (R2) into the chosen group, with tags, and shows it in the tree', async () => {
        const ui = new TestUserInput(['weu-system-golden', 'rg-snapshots', 'team=platform, tier=gold']);
        const pool = (await api.tree.findElement(ids.pool.weuSystem))!;
        const result = await runCommand<{ id: string; azCommand: string }>('aksSnapshots.createSnapshot', ui, pool);
        const [put] = await emulator.writes();
        assert.strictEqual(put.method, 'PUT');
        assert.match(
            put.url,
            /\/resourceGroups\/rg-snapshots\/providers\/Microsoft\.ContainerService\/snapshots\/weu-system-golden\?api-version=/,
        );
        assert.deepStrictEqual(put.body, {
            // R2: the pool's region (westeurope), not the resource group's (eastus), and not asked.
            location: 'westeurope',
            tags: { team: 'platform', tier: 'gold' },
            properties: { creationData: { sourceResourceId: pool.id }, snapshotType: 'NodePool' },
        });
        assert.strictEqual((await emulator.writes()).length, 1);
        assert.strictEqual(
            result.azCommand,
            `az aks nodepool snapshot create --subscription ${PLATFORM_SUBSCRIPTION} --resource-group rg-snapshots --name weu-system-golden ` +
                `--nodepool-id ${pool.id} --location westeurope --tags team=platform tier=gold`,
        );
        // The name was offered as <cluster>-<pool>-<yyyymmdd>; the cluster's group came first.
        assert.match(ui.ofKind('inputBox')[0].value ?? '', /^aks-prod-weu-system-\d{8}$/);
        assert.strictEqual(ui.ofKind('quickPick')[0].items?.[0].label, 'rg-platform-weu');
        const [platform] = await shownTree(api.tree);
        const snapshots = platform.children!.find((c) => c.label === 'Snapshots')!;
        assert.deepStrictEqual(
            snapshots.children!.find((s) => s.label === 'weu-system-golden'),
            {
                label: 'weu-system-golden',
                description: '1.34.1 · AKSUbuntu-2204gen2arm64containerd-202611.03.0 · 0 pools',
                contextValue: 'aksLinux;aksSnapshot',
            },
        );
    });

    it('refuses a pool in the middle of an operation (R10), sending nothing', async () => {
        const ui = new TestUserInput([]);
        await assert.rejects(
            runCommand('aksSnapshots.createSnapshot', ui, await api.tree.findElement(ids.pool.batch)),
            /Node pool "batch" is Upgrading: AKS accepts no change until its current operation ends/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
        assert.strictEqual(ui.shown.length, 0);
    });

    it('refuses a pool whose last operation Failed: AKS snapshots only a Succeeded pool (R10), sending nothing', async () => {
        await emulator.setProvisioningState(ids.pool.gpu, 'Failed');
        await assert.rejects(
            runCommand('aksSnapshots.createSnapshot', new TestUserInput([]), await api.tree.findElement(ids.pool.gpu)),
            /Node pool "gpu" is Failed: AKS takes a snapshot only of a pool whose last operation succeeded/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('refuses a VirtualMachines pool (R11) and a pool on an image from before 2021-11-10 (R3)', async () => {
        await assert.rejects(
            runCommand('aksSnapshots.createSnapshot', new TestUserInput([]), await api.tree.findElement(ids.pool.vmpool)),
            /Node pool "vmpool" is of type VirtualMachines; snapshots need a VirtualMachineScaleSets pool/,
        );
        await assert.rejects(
            runCommand('aksSnapshots.createSnapshot', new TestUserInput([]), await api.tree.findElement(ids.pool.legacy)),
            /runs node image AKSUbuntu-1804gen2containerd-2021\.10\.19 of 2021-10-19; a snapshot needs a pool created or upgraded on or after 2021-11-10/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('refuses a bad name inline (R9), naming the value and the rule', async () => {
        await assert.rejects(
            runCommand('aksSnapshots.createSnapshot', new TestUserInput(['-golden']), await api.tree.findElement(ids.pool.gpu)),
            (e: unknown) =>
                e instanceof Error &&
                /Snapshot name "-golden" is invalid: 1–63 letters, digits, "-" and "_", starting and ending with a letter or digit/.test(
                    e.message,
                ),
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('will not put a snapshot into a group that already has one of that name (R9, checked against Azure)', async () => {
        const ui = new TestUserInput(['snap-system-2611', 'rg-snapshots', 'rg-platform-eastus', DEFAULT]);
        await runCommand('aksSnapshots.createSnapshot', ui, await api.tree.findElement(ids.pool.gpu));
        const [first, second] = ui.ofKind('quickPick');
        assert.match(
            first.items!.find((i) => i.label.endsWith('rg-snapshots'))!.detail!,
            /Snapshot name "snap-system-2611" is already used in resource group "rg-snapshots"/,
        );
        assert.match(second.text, /"rg-snapshots" cannot be used/);
        const [put] = await emulator.writes();
        assert.match(put.url, /\/resourceGroups\/rg-platform-eastus\/.*\/snapshots\/snap-system-2611\?/);
    });

    it('sends nothing when the person presses Esc', async () => {
        const answerLists: Answer[][] = [[ESC], ['name-ok', ESC], ['name-ok', 'rg-snapshots', ESC]];
        for (const answers of answerLists) {
            const ui = new TestUserInput(answers);
            assert.strictEqual(await runCommand('aksSnapshots.createSnapshot', ui, await api.tree.findElement(ids.pool.gpu)), undefined);
            assert.strictEqual(ui.unused, 0);
        }
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it("passes Azure's own error through with its code and message, and the tree stays usable", async () => {
        await emulator.addFault({
            method: 'PUT',
            pathContains: '/snapshots/',
            status: 400,
            body: { code: 'QuotaExceeded', message: 'Snapshot quota of 100 reached.', subcode: '', target: '' },
        });
        await assert.rejects(
            runCommand(
                'aksSnapshots.createSnapshot',
                new TestUserInput(['gpu-snap', 'rg-snapshots', DEFAULT]),
                await api.tree.findElement(ids.pool.gpu),
            ),
            /Snapshot quota of 100 reached\./,
        );
        await emulator.clearFaults();
        api.tree.refresh();
        assert.strictEqual((await shownTree(api.tree)).length, 2);
    });

    it('from the palette asks for the pool first: one list of every pool, each with its cluster and subscription, saying what to choose', async () => {
        const ui = new TestUserInput(['gpu', 'gpu-from-palette', 'rg-snapshots', DEFAULT]);
        const result = await runCommand<{ id: string }>('aksSnapshots.createSnapshot', ui);
        const [pools] = ui.ofKind('quickPick');
        assert.strictEqual(pools.text, 'Create Snapshot: the node pool to snapshot (type a pool, cluster or subscription name)');
        assert.strictEqual(pools.items!.find((i) => i.label === 'gpu')?.description, 'aks-prod-eastus · Contoso Platform');
        assert.ok(
            pools.items!.some((i) => i.description === 'aks-sandbox · Contoso Sandbox'),
            "every subscription's pools in one list",
        );
        assert.ok(!pools.items!.some((i) => /^(Snapshots|Contoso|aks-)/.test(i.label)), 'only pools, no rows that cannot be chosen');
        assert.match(result.id, /\/snapshots\/gpu-from-palette$/);
        const [put] = await emulator.writes();
        assert.deepStrictEqual((put.body as { properties: unknown }).properties, {
            creationData: { sourceResourceId: (await api.tree.findElement(ids.pool.gpu))!.id },
            snapshotType: 'NodePool',
        });
    });
});
