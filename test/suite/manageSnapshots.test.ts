import * as assert from 'assert';
import * as vscode from 'vscode';
import { TENANT_ID } from '../emulator/seeds';
import { ids } from './seedIds';
import { ESC, TestUserInput } from './TestUserInput';
import { emulator, emulatorUrl, runCommand, shownTree, TestApi, withFreshDemoSeed } from './testApi';

describe('Managing snapshots', () => {
    const testApi = withFreshDemoSeed();
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    it('edits tags: the current ones offered, the new set sent', async () => {
        const ui = new TestUserInput(['purpose=golden, owner=platform']);
        await runCommand('aksSnapshots.editSnapshotTags', ui, await api.tree.findElement(ids.snapshot.system));
        assert.strictEqual(ui.ofKind('inputBox')[0].value, 'purpose=golden');
        const [patch, ...others] = await emulator.writes();
        assert.deepStrictEqual(others, []);
        assert.strictEqual(patch.method, 'PATCH');
        assert.deepStrictEqual(patch.body, { tags: { purpose: 'golden', owner: 'platform' } });
        await assert.rejects(runCommand('aksSnapshots.editSnapshotTags', new TestUserInput(['owner']), await api.tree.findElement(ids.snapshot.system)),
            /Tag "owner" is invalid: write tags as key=value/);
    });

    it('deletes after a modal that names the snapshot and lists the pools linked to it', async () => {
        const ui = new TestUserInput(['Delete']);
        await runCommand('aksSnapshots.deleteSnapshot', ui, await api.tree.findElement(ids.snapshot.memory2609));
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
        assert.match(ui.ofKind('message')[0].detail!, /No node pool is linked to it\./);
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('shows the pools using a snapshot, in every subscription', async () => {
        const ui = new TestUserInput(['memory']);
        const users = await runCommand<string[]>('aksSnapshots.showSnapshotUsers', ui, await api.tree.findElement(ids.snapshot.memory2609));
        assert.deepStrictEqual(users.map((u) => u.split('/').slice(-3).join('/')), ['aks-prod-eastus/agentPools/memory']);
        assert.deepStrictEqual(ui.ofKind('quickPick')[0].items!.map((i) => i.label), ['memory']);
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
