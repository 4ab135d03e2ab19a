import * as assert from 'assert';
import { chooseImageOnlyPools, openAksView, toast, treeRow, useWorkbench, Workbench } from './workbench';

/**
 * A roll-out handed to Azure Kubernetes Fleet Manager, clicked in the real workbench: the plan, the hand-off (what
 * Fleet does to each chosen cluster), the run created and started, followed to its end, and shown in the tree.
 */
describe('A person handing a roll-out to Fleet Manager', () => {
    const current = useWorkbench({ seed: 'fleetRollout' }, async (w) => {
        await openAksView(w.page);
        await treeRow(w.page, 'Contoso Fleet East').click();
        await treeRow(w.page, 'Snapshots').first().click();
        await treeRow(w.page, 'snap-roll-2611').waitFor();
    });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it('Roll Out Snapshot… → Run in Fleet Manager…: reads what Fleet does, creates and starts one update run, follows it to its end, and sees it in the tree', async () => {
        const { page } = workbench;
        await chooseImageOnlyPools(page);

        const plan = page.locator('.monaco-dialog-box', { hasText: /Roll out snapshot "snap-roll-2611" to 8 node pools in 3 waves\?/ });
        await plan.getByRole('button', { name: 'Run in Fleet Manager…', exact: true }).click();
        const handOff = page.locator('.monaco-dialog-box', {
            hasText: /Create update run "snap-roll-2611-[a-z0-9]{8}" in fleet "fleet-roll" and start it\?/,
        });
        await handOff.waitFor();
        assert.match(
            await handOff.innerText(),
            /Stages: 2\. Members left out: 1\. Other node pools of the chosen clusters that take the run too: 7\./,
        );
        await page
            .locator('.monaco-editor', { hasText: /Members\sthe\srun\sleaves/ })
            .first()
            .waitFor();
        await workbench.screenshot('fleet-handoff');
        assert.deepStrictEqual(
            workbench.emulator.requests.filter((r) => r.method !== 'GET'),
            [],
            'nothing is sent before the person confirms',
        );
        await handOff.getByRole('button', { name: 'Create and Start Update Run', exact: true }).click();

        await toast(
            page,
            /Update run "snap-roll-2611-[a-z0-9]{8}" in fleet "fleet-roll" completed: 3 completed, 0 failed, 0 skipped, 0 not started\./,
        ).waitFor({
            timeout: 90_000,
        });
        const writes = workbench.emulator.requests
            .filter((r) => r.method !== 'GET')
            .map((r) => `${r.method} ${r.url.split('?')[0].replace(/^.*\/updateRuns\//, '')}`);
        const name = /^PUT (snap-roll-2611-[a-z0-9]{8})$/.exec(writes[0] ?? '')?.[1];
        assert.deepStrictEqual(
            writes,
            [`PUT ${name}`, `POST ${name}/start`],
            'one update run created, then started; no pool written by the product',
        );

        await treeRow(page, 'Fleets').first().click();
        await treeRow(page, 'fleet-roll').click();
        const run = page
            .locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^snap-roll-2611-[a-z0-9]{8}$/ }) })
            .first();
        await run.waitFor();
        assert.match(await run.innerText(), /completed · AKSUbuntu-2204gen2containerd-202611\.03\.0/);
        // Its stages, groups and members, each with Fleet's status.
        await run.click();
        await treeRow(page, 'Stage wave-2').waitFor();
        assert.match(await treeRow(page, 'Group wave-2').innerText(), /completed/);
        await workbench.screenshot('fleet-run');
    });
});
