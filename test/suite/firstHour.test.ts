import * as assert from 'assert';
import { ids } from './seedIds';
import { ESC, TestUserInput } from './TestUserInput';
import { emulator, logText, runCommand, TestApi, withFreshSeed } from './testApi';

/** What a person new to the product reads: that an abandoned flow sent nothing, refusals in plain words, each change on record. */
describe("A person's first hour: the record and the words", () => {
    const testApi = withFreshSeed();
    let api: TestApi;
    beforeEach(() => (api = testApi()));

    const cancelled = /Create a snapshot of node pool "system" \(aks-prod-weu\): cancelled; nothing was sent\./g;

    it('Esc after an answer says that nothing was sent; Esc at the first question ends quietly', async () => {
        const before = (await logText(api.logUri)).match(cancelled)?.length ?? 0;
        const typed = new TestUserInput(['weu-golden', ESC]);
        assert.strictEqual(
            await runCommand('aksSnapshots.createSnapshot', typed, await api.tree.findElement(ids.pool.weuSystem)),
            undefined,
        );
        const first = new TestUserInput([ESC]);
        assert.strictEqual(
            await runCommand('aksSnapshots.createSnapshot', first, await api.tree.findElement(ids.pool.weuSystem)),
            undefined,
        );
        assert.strictEqual(
            (await logText(api.logUri)).match(cancelled)?.length ?? 0,
            before + 1,
            'told once: after the typed name, not after Esc at the first question',
        );
        assert.deepStrictEqual(await emulator.writes(), []);
    });

    it('a refusal reads in plain words; the log keeps the rule it applies', async () => {
        const refused =
            /Refused before sending: Node pool "gpu" is Failed: AKS takes a snapshot only of a pool whose last operation succeeded\. Retry or repair the pool first\. \(R10\)/g;
        // Other suites refuse the same pool: count this refusal's own line.
        const before = (await logText(api.logUri)).match(refused)?.length ?? 0;
        await emulator.setProvisioningState(ids.pool.gpu, 'Failed');
        await assert.rejects(
            runCommand('aksSnapshots.createSnapshot', new TestUserInput([]), await api.tree.findElement(ids.pool.gpu)),
            (e: unknown) =>
                e instanceof Error &&
                e.message ===
                    'Node pool "gpu" is Failed: AKS takes a snapshot only of a pool whose last operation succeeded. Retry or repair the pool first.',
        );
        assert.strictEqual((await logText(api.logUri)).match(refused)?.length ?? 0, before + 1, 'the refusal is logged with its rule');
    });

    it('each change is on record: the request Azure was sent with its request ids, and the az line', async () => {
        await runCommand(
            'aksSnapshots.createSnapshot',
            new TestUserInput(['weu-recorded', 'rg-snapshots', '']),
            await api.tree.findElement(ids.pool.weuSystem),
        );
        const log = await logText(api.logUri);
        const sent =
            /Change sent to Azure: PUT \/subscriptions\/[^/]+\/resourceGroups\/rg-snapshots\/providers\/Microsoft\.ContainerService\/snapshots\/weu-recorded (\d+) \d+ ms x-ms-request-id ([-0-9a-f]+)/.exec(
                log,
            );
        assert.ok(
            sent,
            `the PUT is in the log with its request id:\n${log
                .split('\n')
                .filter((l) => /weu-recorded/.test(l))
                .join('\n')}`,
        );
        const [put] = await emulator.writes();
        assert.strictEqual(Number(sent[1]), put.status, 'the status Azure answered');
        assert.match(log, /Azure CLI equivalent: az aks nodepool snapshot create .*--name weu-recorded/);
    });
});
