import * as assert from 'assert';
import * as vscode from 'vscode';
import { ids } from './seedIds';
import { DEFAULT, RejectedInput, TestUserInput } from './TestUserInput';
import { emulator, runCommand, shownTree, withFreshSeed } from './testApi';

/** Runs in a host whose display language is Japanese (AKS_TEST_LANGUAGE=ja; see test/host/runSuites.ts). */
describe("In Japanese: the tree, a flow and Azure's refusals in VS Code's Japanese display language", () => {
    const api = withFreshSeed();
    const tooltipOf = (item: vscode.TreeItem): string => (typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''));

    it("runs with Japanese as VS Code's display language", () => {
        assert.strictEqual(vscode.env.language, 'ja');
    });

    it("shows the tree's own words in Japanese", async () => {
        const platform = (await shownTree(api().tree)).find((n) => n.label === 'Contoso Platform');
        assert.ok(
            platform?.children?.some((n) => n.label === 'スナップショット'),
            `the snapshots group: ${platform?.children?.map((n) => n.label).join(', ')}`,
        );
        const snapshots = platform!.children!.find((n) => n.label === 'スナップショット')!;
        assert.match(snapshots.children!.find((n) => n.label === 'snap-memory-2609')!.description ?? '', /· 1 プール/);
        const cluster = await api().tree.getTreeItem((await api().tree.findElement(ids.eastus))!);
        assert.match(tooltipOf(cluster), /リソース グループ/);
        assert.match(tooltipOf(cluster), /Kubernetes バージョン/);
        const snapshot = await api().tree.getTreeItem((await api().tree.findElement(ids.snapshot.system))!);
        assert.match(tooltipOf(snapshot), /\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2} UTC/, 'its creation time as Japanese writes dates');
        assert.match(String(snapshot.accessibilityInformation?.label), /^スナップショット /);
    });

    it('asks and answers a flow in Japanese: a bad name is refused in Japanese, the snapshot is created with a Japanese notice', async () => {
        const pool = await api().tree.findElement(ids.pool.gpu);
        const refused = await runCommand('aksSnapshots.createSnapshot', new TestUserInput(['-bad-']), pool).then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.ok(refused instanceof RejectedInput, String(refused));
        assert.match(refused.validationMessage, /^スナップショット名 "-bad-" は無効です/);
        const ui = new TestUserInput(['ja-golden', 'rg-snapshots', DEFAULT]);
        const created = await runCommand<{ notice?: string }>('aksSnapshots.createSnapshot', ui, pool);
        assert.match(ui.shown[0].text, /^スナップショット名/);
        assert.match(created.notice ?? '', /ノード プール "gpu" のスナップショット "ja-golden" を eastus に作成しました/);
    });

    it("says an error the Azure layer raises in Japanese, with Azure's request ID", async () => {
        await emulator.addFault({
            method: 'PUT',
            pathContains: '/snapshots/ja-taken',
            status: 412,
            body: { code: 'PreconditionFailed', message: 'The resource exists.' },
            times: 1,
        });
        const error = await runCommand(
            'aksSnapshots.createSnapshot',
            new TestUserInput(['ja-taken', 'rg-snapshots', DEFAULT]),
            await api().tree.findElement(ids.pool.gpu),
        ).then(
            () => undefined,
            (e: Error) => e,
        );
        assert.match(
            error?.message ?? '',
            /ja-taken はその間に他のユーザーによって作成されました。何も変更していません。 \(Azure 要求 ID: [0-9a-f-]{36}\)$/,
        );
    });
});
