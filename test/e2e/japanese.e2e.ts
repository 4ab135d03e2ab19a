import * as assert from 'assert';
import { answer, contextMenu, openAksView, toast, treeRow, useWorkbench } from './workbench';

/** The packaged extension in VS Code's Japanese display language: the view, its menus and a flow. */
describe('A person whose VS Code speaks Japanese', () => {
    const current = useWorkbench({ locale: 'ja' }, async ({ page }) => {
        await openAksView(page, { tab: /AKS スナップショット/, view: /ノード プールとスナップショット/ });
        await treeRow(page, 'Contoso Platform').click();
        await treeRow(page, 'aks-prod-eastus').click();
        await treeRow(page, 'スナップショット').first().click();
    });

    it('reads the tree in Japanese and creates a snapshot from the Japanese context menu', async () => {
        const workbench = current();
        const { page } = workbench;
        assert.match(await treeRow(page, 'snap-memory-2609').innerText(), /1 プール/);
        await workbench.screenshot('tree-ja');
        await contextMenu(page, 'memory', 'スナップショットの作成…');
        await answer(page, /スナップショット名/, 'memory-ja');
        await answer(page, /スナップショットのリソース グループ/, 'rg-snapshots');
        await answer(page, /タグ/);
        await toast(page, /ノード プール "memory" のスナップショット "memory-ja" を eastus に作成しました/).waitFor();
        await treeRow(page, 'memory-ja').waitFor();
        // The progress notification gives way to the result.
        await toast(page, /を作成しています/).waitFor({ state: 'detached' });
        // The pointer leaves the tree, and its hover with it.
        await page.mouse.move(940, 140);
        await page
            .locator('.monaco-hover')
            .waitFor({ state: 'hidden' })
            .catch(() => undefined);
        await page.waitForTimeout(500);
        await workbench.screenshot('create-snapshot-ja');
    });
});
