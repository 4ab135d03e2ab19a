import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ids } from './seedIds';
import { DEFAULT, TestUserInput } from './TestUserInput';
import { emulator, filesUnder, runCommand, TestApi, withFreshSeed } from './testApi';

/**
 * Tokens never reach what a person or a support engineer reads: not the output channel, not the extension host's
 * log files, not an error message, not an `az` line. And one operation at a time per cluster or pool.
 */
describe('Security and one operation at a time', function () {
    this.timeout(60_000);
    const testApi = withFreshSeed();
    let api: TestApi;

    beforeEach(() => {
        api = testApi();
    });

    it('never writes an issued token into the output channel, the logs, an error message or an az line', async () => {
        const said: string[] = [];
        // A flow that succeeds, one Azure refuses, and one whose answer is lost.
        const created = await runCommand<{ azCommand: string; notice?: string }>(
            'aksSnapshots.createSnapshot',
            new TestUserInput(['token-check', 'rg-snapshots', DEFAULT]),
            await api.tree.findElement(ids.pool.gpu),
        );
        said.push(created.azCommand, created.notice ?? '');
        await emulator.addFault({
            method: 'PUT',
            pathContains: '/agentPools/memory',
            status: 409,
            body: { code: 'OperationNotAllowed', message: 'Busy.' },
            times: 1,
        });
        await runCommand(
            'aksSnapshots.upgradeToSnapshot',
            new TestUserInput(['snap-memory-2611', DEFAULT, 'Upgrade']),
            await api.tree.findElement(ids.pool.memory),
        ).catch((error: Error) => said.push(error.message, error.stack ?? ''));
        await emulator.addFault({ method: 'PATCH', pathContains: '/snapshots/snap-system-2611', action: 'resetAfterApply', times: 1 });
        const lost = await runCommand<{ notice?: string }>(
            'aksSnapshots.editSnapshotTags',
            new TestUserInput([/Add a tag/, 'owner', 'me']),
            await api.tree.findElement(ids.snapshot.system),
        );
        said.push(lost.notice ?? '');
        assert.ok(said.some((text) => /Busy\./.test(text)) && said.some((text) => /was lost/.test(text)), 'the three outcomes happened');

        const tokens = await emulator.issuedTokens();
        assert.ok(tokens.length > 0, 'the emulator issued tokens');
        // The extension's logs and the output channels live under the window's log folder.
        const logRoot = path.resolve(api.logUri.fsPath, '..', '..', '..');
        const logs = filesUnder(logRoot);
        assert.ok(
            logs.some((file) => /AKS Node Pool Snapshots/.test(fs.readFileSync(file, 'utf8')) || /AKS Node Pool Snapshots/.test(file)),
            `the output channel's log was found under ${logRoot}`,
        );
        for (const token of tokens) {
            const signature = token.split('.')[2];
            for (const file of logs) {
                assert.ok(!fs.readFileSync(file, 'utf8').includes(signature), `a token is in ${file}`);
            }
            for (const text of said) {
                assert.ok(!text.includes(signature), `a token is in "${text.slice(0, 80)}…"`);
            }
        }
    });

    it('refuses a second operation on a cluster or pool while one runs in this window, naming it, and sends nothing', async () => {
        // Another flow (or a second click) holds the pool while its operation runs.
        const running = api.operations.claim(ids.pool.gpu, 'Upgrading node pool "gpu" to snapshot "snap-gpu-2611"');
        try {
            await assert.rejects(
                runCommand(
                    'aksSnapshots.upgradeToSnapshot',
                    new TestUserInput(['snap-gpu-2611', 'Upgrade']),
                    await api.tree.findElement(ids.pool.gpu),
                ),
                /: "Upgrading node pool "gpu" to snapshot "snap-gpu-2611"" is still running in this window; start this once it ends\.$/,
            );
            assert.throws(
                () => api.operations.claim(ids.eastus, 'a change of the whole cluster'),
                /still running/,
                'a cluster and its pools are one place',
            );
            const sibling = api.operations.claim(ids.pool.system, 'another pool of the cluster');
            sibling.dispose();
            assert.deepStrictEqual(await emulator.writes(), []);
        } finally {
            running.dispose();
        }
        assert.deepStrictEqual(api.operations.titles(), []);
        await runCommand(
            'aksSnapshots.upgradeToSnapshot',
            new TestUserInput(['snap-gpu-2611', 'Upgrade']),
            await api.tree.findElement(ids.pool.gpu),
        );
        assert.deepStrictEqual(
            (await emulator.writes()).map((w) => w.method),
            ['POST'],
            'once it ended, the upgrade goes',
        );
        assert.deepStrictEqual(api.operations.titles(), [], 'released when it ended');
    });
});
