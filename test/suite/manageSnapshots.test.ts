import * as assert from 'assert';
import * as vscode from 'vscode';
import { PLATFORM_SUBSCRIPTION, TENANT_ID } from '../emulator/seeds';
import { ids } from './seedIds';
import { ESC, TestUserInput } from './TestUserInput';
import { emulator, emulatorUrl, runCommand, shownTree, TestApi, withFreshSeed } from './testApi';

describe('Managing snapshots', () => {
    const testApi = withFreshSeed();
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    it("edits tags one at a time against a fresh read, sending only that change through ARM's Tags API", async () => {
        const snapshot = await api.tree.findElement(ids.snapshot.system);
        const add = new TestUserInput([/Add a tag/, 'cost=center', '42,43']);
        const added = await runCommand<{ tags: object; azCommand: string }>('aksSnapshots.editSnapshotTags', add, snapshot);
        assert.deepStrictEqual(added.tags, { purpose: 'golden', 'cost=center': '42,43' });
        // The az line does what was sent (a name with "=" cannot go through --tags: the Tags API's own request).
        assert.strictEqual(
            added.azCommand,
            `az rest --method patch --url '${ids.snapshot.system}/providers/Microsoft.Resources/tags/default?api-version=2021-04-01' ` +
                `--body '{"operation":"Merge","properties":{"tags":{"cost=center":"42,43"}}}'`,
        );
        assert.deepStrictEqual(
            add.ofKind('quickPick')[0].items!.map((i) => i.label),
            ['$(add) Add a tag…', '$(tag) purpose'],
        );
        const [read] = (await emulator.requests()).filter((r) => r.method === 'GET' && /\/snapshots\/snap-system-2611\?/.test(r.url));
        assert.ok(read, 'the snapshot was read afresh');
        const [patch, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.deepStrictEqual(
            [patch.method, patch.url.split('?')[0], patch.body],
            [
                'PATCH',
                `${ids.snapshot.system}/providers/Microsoft.Resources/tags/default`,
                { operation: 'Merge', properties: { tags: { 'cost=center': '42,43' } } },
            ],
        );

        await emulator.clearRequests();
        const change = new TestUserInput([/purpose/, /Change its value/, 'silver']);
        const changed = await runCommand<{ tags: Record<string, string>; azCommand: string }>(
            'aksSnapshots.editSnapshotTags',
            change,
            snapshot,
        );
        assert.strictEqual(changed.tags.purpose, 'silver');
        assert.strictEqual(changed.azCommand, `az tag update --resource-id ${ids.snapshot.system} --operation Merge --tags purpose=silver`);
        assert.strictEqual(change.ofKind('inputBox')[0].value, 'golden', 'the current value offered');
        await emulator.clearRequests();
        assert.deepStrictEqual(
            (await runCommand<{ tags: object }>('aksSnapshots.editSnapshotTags', new TestUserInput([/cost=center/, /Remove it/]), snapshot))
                .tags,
            { purpose: 'silver' },
        );
        assert.deepStrictEqual(
            (await emulator.writes()).map((w) => w.body),
            [{ operation: 'Delete', properties: { tags: { 'cost=center': '42,43' } } }],
        );
    });

    for (const etags of ['documented', 'all'] as const) {
        it(`keeps the tags someone else set meanwhile: ARM applies the one change to them, never over them (etags: ${etags})`, async () => {
            await emulator.knobs({ etags });
            try {
                await emulator.addFault({
                    method: 'PATCH',
                    pathContains: '/snapshots/snap-system-2611',
                    action: 'changedMeanwhile',
                    times: 1,
                });
                const { tags } = await runCommand<{ tags: object }>(
                    'aksSnapshots.editSnapshotTags',
                    new TestUserInput([/Add a tag/, 'owner', 'platform']),
                    await api.tree.findElement(ids.snapshot.system),
                );
                assert.deepStrictEqual(tags, { purpose: 'golden', changedBy: 'colleague', owner: 'platform' });
                const patches = (await emulator.requests()).filter((r) => r.method === 'PATCH');
                assert.deepStrictEqual(
                    patches.map((p) => [p.status, p.body]),
                    [[200, { operation: 'Merge', properties: { tags: { owner: 'platform' } } }]],
                );
            } finally {
                await emulator.knobs({ etags: 'documented' });
            }
        });
    }

    it('refuses a tag name Azure refuses, inline, sending nothing', async () => {
        await assert.rejects(
            runCommand(
                'aksSnapshots.editSnapshotTags',
                new TestUserInput([/Add a tag/, 'a/b']),
                await api.tree.findElement(ids.snapshot.system),
            ),
            /Tag name "a\/b" is invalid: 1–512 characters, none of </,
        );
        await assert.rejects(
            runCommand(
                'aksSnapshots.editSnapshotTags',
                new TestUserInput([/Add a tag/, 'PURPOSE']),
                await api.tree.findElement(ids.snapshot.system),
            ),
            /Tag name "PURPOSE" is already used/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('deletes after a modal that names the snapshot and lists the pools linked to it', async () => {
        const ui = new TestUserInput(['Delete']);
        const result = await runCommand<{ azCommand: string }>(
            'aksSnapshots.deleteSnapshot',
            ui,
            await api.tree.findElement(ids.snapshot.memory2609),
        );
        assert.strictEqual(
            result.azCommand,
            `az aks nodepool snapshot delete --subscription ${PLATFORM_SUBSCRIPTION} --resource-group rg-snapshots --name snap-memory-2609 --yes`,
        );
        const [confirm] = ui.ofKind('message');
        assert.strictEqual(confirm.text, 'Delete snapshot "snap-memory-2609" in resource group "rg-snapshots"?');
        assert.match(confirm.detail!, /• aks-prod-eastus\/memory/);
        const [remove, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.strictEqual(remove.method, 'DELETE');
        assert.match(remove.url, /\/snapshots\/snap-memory-2609\?/);
        const [platform] = await shownTree(api.tree);
        assert.ok(!platform.children!.find((c) => c.label === 'Snapshots')!.children!.some((s) => s.label === 'snap-memory-2609'));
    });

    it('deletes nothing when the modal is dismissed', async () => {
        const ui = new TestUserInput([ESC]);
        await runCommand('aksSnapshots.deleteSnapshot', ui, await api.tree.findElement(ids.snapshot.system));
        assert.match(
            ui.ofKind('message')[0].detail!,
            /No node pool is linked to it\.[\s\S]*Guard: Azure offers no eTag condition here, so "snap-system-2611" is read again just before sending/,
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('shows the pools using a snapshot, in every subscription', async () => {
        const ui = new TestUserInput(['memory']);
        const users = await runCommand<string[]>('aksSnapshots.showSnapshotUsers', ui, await api.tree.findElement(ids.snapshot.memory2609));
        assert.deepStrictEqual(
            users.map((u) => u.split('/').slice(-3).join('/')),
            ['aks-prod-eastus/agentPools/memory'],
        );
        assert.deepStrictEqual(
            ui.ofKind('quickPick')[0].items!.map((i) => i.label),
            ['memory'],
        );
    });

    it('copies the resource ID, opens the portal of the signed-in cloud, and shows properties as Azure returns them', async () => {
        const snapshot = (await api.tree.findElement(ids.snapshot.system))!;
        await runCommand('aksSnapshots.copyResourceId', new TestUserInput([]), snapshot);
        assert.strictEqual(await vscode.env.clipboard.readText(), snapshot.id);
        const url = await runCommand<string>('aksSnapshots.openInPortal', new TestUserInput([]), snapshot);
        assert.strictEqual(url, `${emulatorUrl().replace(/\/$/, '')}/#@${TENANT_ID}/resource${snapshot.id}`);
        await runCommand('aksSnapshots.showProperties', new TestUserInput([]), snapshot);
        const document = vscode.window.activeTextEditor?.document;
        assert.ok(document, 'no document opened');
        const json = JSON.parse(document.getText()) as { id: string; properties: { nodeImageVersion: string } };
        assert.strictEqual(json.id, snapshot.id);
        assert.strictEqual(json.properties.nodeImageVersion, 'AKSUbuntu-2204gen2containerd-202611.03.0');
        assert.deepStrictEqual(await emulator.writes(), []);
    });
});
