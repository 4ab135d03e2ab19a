import * as assert from 'assert';
import { answer, contextMenu, openAksView, runFromPalette, toast, treeRow, useWorkbench, waitForQuestion, Workbench } from './workbench';

/** After an upgrade, with pointer and keyboard: roll a pool back to a version AKS keeps, and abort an upgrade running in Azure. */
describe('A person after an upgrade: Roll Back Pool, Abort Operation', () => {
    const current = useWorkbench({}, async (w) => {
        await openAksView(w.page);
        await treeRow(w.page, 'Contoso Sandbox').click();
        await treeRow(w.page, 'aks-sandbox').click();
        await treeRow(w.page, 'Contoso Platform').click();
        await treeRow(w.page, 'aks-prod-eastus').click();
    });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it("right-click a pool → Roll Back Pool…: AKS's versions newest first, the one past seven days with its reason; confirm; the pool is on the earlier image", async () => {
        const { page } = workbench;
        await contextMenu(page, 'nodepool1', 'Roll Back Pool…');
        const widget = await waitForQuestion(page, /The version to roll node pool "nodepool1" back to/);
        const rows = widget.getByRole('option');
        await rows.first().waitFor();
        assert.match(
            await rows.nth(0).innerText(),
            /Kubernetes 1\.34\.1 · AKSUbuntu-2204gen2containerd-202611\.03\.0\s*last used Nov 21, 2026, 9:30\sAM UTC/,
        );
        assert.match(
            await rows.nth(1).innerText(),
            /Kubernetes 1\.33\.5 · AKSUbuntu-2204gen2containerd-202610\.20\.0[\s\S]*AKS keeps a version for rollback only 7 days after the upgrade/,
        );
        await workbench.screenshot('rollback-pick');
        await answer(page, /The version to roll node pool "nodepool1" back to/);
        const confirm = page.locator('.monaco-dialog-box', {
            hasText: /Roll node pool "nodepool1" of "aks-sandbox" back to Kubernetes 1\.34\.1/,
        });
        await confirm.waitFor();
        assert.match(
            await confirm.innerText(),
            /Node image: AKSUbuntu-2204gen2containerd-202611\.10\.0 → AKSUbuntu-2204gen2containerd-202611\.03\.0/,
        );
        await workbench.screenshot('rollback-confirm');
        await confirm.getByRole('button', { name: 'Roll Back', exact: true }).click();
        await toast(
            page,
            /Rolled node pool "nodepool1" back to Kubernetes 1\.34\.1, node image AKSUbuntu-2204gen2containerd-202611\.03\.0\./,
        ).waitFor({ timeout: 60_000 });
        await treeRow(page, 'nodepool1')
            .filter({ hasText: /AKSUbuntu-2204gen2containerd-202611\.03\.0/ })
            .first()
            .waitFor();
    });

    it('an upgrade running in Azure: right-click → Abort Operation…, confirm; the pool shows Canceled', async () => {
        const { page, emulator } = workbench;
        emulator.knobs.operationPolls = 1000;
        await contextMenu(page, 'gpu', 'Upgrade to Snapshot…');
        await answer(page, /snapshot/i, 'snap-gpu-2611');
        const upgrade = page.locator('.monaco-dialog-box', { hasText: /Upgrade node pool "gpu"/ });
        await upgrade.waitFor();
        await upgrade.getByRole('button', { name: 'Upgrade', exact: true }).click();
        await treeRow(page, 'gpu')
            .filter({ hasText: /Upgrading node image/ })
            .waitFor({ timeout: 30_000 });
        emulator.knobs.operationPolls = 1;

        await runFromPalette(page, 'AKS Snapshots: Abort Operation…');
        await answer(page, /Abort Operation: the node pool or cluster/, 'gpu');
        const confirm = page.locator('.monaco-dialog-box', {
            hasText: /Abort the operation running on node pool "gpu" \(Upgrading node image\)\?/,
        });
        await confirm.waitFor();
        await workbench.screenshot('abort-confirm');
        await confirm.getByRole('button', { name: 'Abort Operation', exact: true }).click();
        await toast(page, /Aborted the operation on node pool "gpu": AKS shows it Canceled\./).waitFor({ timeout: 60_000 });
        await treeRow(page, 'gpu')
            .filter({ hasText: /^[\s\S]*Canceled · User/ })
            .waitFor({ timeout: 30_000 });
        // The upgrade's own notification says Azure canceled it.
        await toast(page, /was canceled in Azure \(by an abort, by AKS or by another client\)/).waitFor({ timeout: 30_000 });
        await workbench.screenshot('abort');
    });
});
