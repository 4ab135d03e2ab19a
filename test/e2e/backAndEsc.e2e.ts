import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { answer, contextMenu, openPlatformTree, startClean, toast, useWorkbench, waitForQuestion, Workbench } from './workbench';

/**
 * Back and Esc at every question and every confirmation of every flow, clicked in the real workbench: Back shows
 * the previous question, Esc ends the flow, neither shows an error, and Azure receives nothing.
 */

interface Step {
    readonly question: RegExp;
    /** Typed or picked; undefined takes what is offered. */
    readonly answer?: string;
    /** A modal confirmation (a dialog), not a quick input. */
    readonly modal?: boolean;
}

interface Flow {
    readonly name: string;
    readonly row: string;
    readonly menu: string;
    readonly steps: readonly Step[];
}

const FLOWS: readonly Flow[] = [
    {
        name: 'Create Snapshot',
        row: 'gpu',
        menu: 'Create Snapshot…',
        steps: [
            { question: /Snapshot name/, answer: 'sweep-snap' },
            { question: /Resource group for the snapshot/, answer: 'rg-snapshots' },
            { question: /Tags/ },
        ],
    },
    {
        name: 'Add Node Pool',
        row: 'snap-system-2611',
        menu: 'Add Node Pool…',
        steps: [
            { question: /Cluster to add the pool to/, answer: 'aks-prod-eastus' },
            { question: /Node pool name/, answer: 'sweep' },
            { question: /Mode of the new pool/, answer: 'User' },
            { question: /VM size/, answer: 'Standard_D4s_v5' },
            { question: /Node count/, answer: '1' },
            { question: /Add node pool "sweep" to "aks-prod-eastus"/, modal: true },
        ],
    },
    {
        name: 'Upgrade to Snapshot (Kubernetes)',
        row: 'memory',
        menu: 'Upgrade to Snapshot…',
        steps: [
            { question: /Snapshot to upgrade node pool "memory"/, answer: 'snap-memory-2611' },
            { question: /Max surge/ },
            { question: /Upgrade node pool "memory"/, modal: true },
        ],
    },
    {
        name: 'Upgrade to Snapshot (image only)',
        row: 'gpu',
        menu: 'Upgrade to Snapshot…',
        steps: [
            { question: /Snapshot to upgrade node pool "gpu"/, answer: 'snap-gpu-2611' },
            { question: /Upgrade node pool "gpu"/, modal: true },
        ],
    },
    {
        name: 'Create Cluster',
        row: 'snap-system-2611',
        menu: 'Create Cluster…',
        steps: [
            { question: /Subscription for the new cluster/, answer: 'Contoso Platform' },
            { question: /Cluster name/, answer: 'aks-sweep' },
            { question: /Resource group for cluster/, answer: 'rg-platform-eastus' },
            { question: /Region for cluster/ },
            { question: /DNS name prefix/ },
            { question: /Node pool name/ },
            { question: /VM size/ },
            { question: /Node count/ },
            { question: /Create cluster "aks-sweep"/, modal: true },
        ],
    },
    {
        name: 'Edit Tags',
        row: 'snap-system-2611',
        menu: 'Edit Tags…',
        steps: [
            { question: /Tags of snapshot "snap-system-2611"/, answer: 'Add a tag…' },
            { question: /Name of the new tag/, answer: 'sweep' },
            { question: /Value of tag "sweep"/ },
        ],
    },
    { name: 'Delete', row: 'snap-gpu-2611', menu: 'Delete…', steps: [{ question: /Delete snapshot "snap-gpu-2611"/, modal: true }] },
];

const dialog = (page: Page) => page.locator('.monaco-dialog-box');

async function waitForStep(page: Page, step: Step): Promise<void> {
    if (step.modal) {
        await dialog(page).filter({ hasText: step.question }).waitFor({ timeout: 30_000 });
    } else {
        await waitForQuestion(page, step.question);
    }
}

async function take(page: Page, step: Step): Promise<void> {
    if (step.modal) {
        throw new Error('The sweep never confirms.');
    }
    await answer(page, step.question, step.answer);
}

/** Nothing asks anything any more, and no error was shown. */
async function assertEnded(page: Page, flow: string): Promise<void> {
    await page.waitForTimeout(400);
    assert.ok(!(await page.locator('.quick-input-widget').isVisible()), `${flow}: a question is still open`);
    assert.strictEqual(await dialog(page).count(), 0, `${flow}: a dialog is still open`);
    const errors = page.locator('.notifications-toasts .notification-toast', { has: page.locator('.codicon-error') });
    if ((await errors.count()) > 0) {
        assert.fail(`${flow}: an error was shown: ${await errors.first().innerText()}`);
    }
    assert.strictEqual(await page.locator('.notifications-toasts .notification-toast', { hasText: /Go back/ }).count(), 0);
}

async function pressBack(page: Page, step: Step): Promise<void> {
    if (step.modal) {
        await dialog(page).getByRole('button', { name: 'Back' }).click();
    } else {
        await page.locator('.quick-input-widget').getByRole('button', { name: 'Back' }).click();
    }
}

describe('Back and Esc at every step of every flow', function () {
    this.timeout(120_000);
    const current = useWorkbench({}, (w) => openPlatformTree(w.page));
    let workbench: Workbench;
    const done: string[] = [];

    beforeEach(async () => {
        workbench = current();
        // Each flow starts with no request and no notification from an earlier one.
        await startClean(workbench);
    });
    after(() => console.log(`      Back and Esc checked at ${done.length} steps`));

    for (const flow of FLOWS) {
        it(`${flow.name}: Esc at each step ends it; Back at each later step shows the step before`, async () => {
            const { page } = workbench;
            for (let at = 0; at < flow.steps.length; at++) {
                await contextMenu(page, flow.row, flow.menu);
                for (const step of flow.steps.slice(0, at)) {
                    await take(page, step);
                }
                const here = flow.steps[at];
                await waitForStep(page, here);
                if (at > 0) {
                    await pressBack(page, here);
                    await waitForStep(page, flow.steps[at - 1]);
                    // The quick input swaps its contents as it goes back; a key pressed in that instant can reach the one leaving.
                    await page.waitForTimeout(300);
                    done.push(`${flow.name} · Back at ${here.question.source}`);
                }
                await page.keyboard.press('Escape');
                await assertEnded(page, `${flow.name}, step ${at + 1}`);
                done.push(`${flow.name} · Esc at ${flow.steps[Math.max(0, at - 1)].question.source}`);
                assert.deepStrictEqual(
                    workbench.emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`),
                    [],
                    `${flow.name}, step ${at + 1}: Azure received a write`,
                );
            }
        });
    }

    it('Advanced Options: each box opens with its own value, Esc in a sub-question goes back to the list keeping every value, and Enter at the summary adds the pool without pinning the cluster', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-system-2611', 'Add Node Pool…');
        await answer(page, /Cluster to add the pool to/, 'aks-prod-eastus');
        await answer(page, /Node pool name/, 'firsthour');
        await answer(page, /Mode of the new pool/, 'User');
        await answer(page, /VM size/, 'Standard_D4s_v5');
        await answer(page, /Node count/, '1');
        const summary = dialog(page).filter({ hasText: /Add node pool "firsthour" to "aks-prod-eastus"/ });
        await summary.waitFor();
        await summary.getByRole('button', { name: 'Advanced Options…' }).click();
        const list = /Advanced options for node pool "firsthour"/;
        await answer(page, list, 'Availability zones');
        await answer(page, /Availability zones for the pool/, '1 2');
        await answer(page, list, 'Node labels');
        const labels = await waitForQuestion(page, /Kubernetes labels for the nodes/);
        assert.strictEqual(await labels.locator('input').first().inputValue(), '', "the labels box opened with another field's text");
        await answer(page, /Kubernetes labels for the nodes/, 'team=web');
        // Enter alone through every other box keeps each one's own value (here AKS's default): nothing is carried over.
        for (const [option, question] of [
            ['Node taints', /Kubernetes taints for the nodes/],
            ['Cluster autoscaler', /Let the cluster autoscaler/],
            ['Max pods per node', /Maximum pods per node/],
            ['Max surge', /Extra nodes during upgrades/],
            ['OS disk size (GB)', /OS disk size in GB/],
            ['Tags', /Azure tags for the pool/],
        ] as const) {
            await answer(page, list, option);
            await answer(page, question);
        }
        await answer(page, list, 'OS disk type');
        await waitForQuestion(page, /an Azure managed disk/);
        await page.keyboard.press('Escape');
        const back = await waitForQuestion(page, list);
        assert.match(
            await back.innerText(),
            /Availability zones[\s\S]*1 2[\s\S]*Node labels[\s\S]*team=web/,
            'Esc in a sub-question lost the values',
        );
        await answer(page, list, 'Done');
        await summary.filter({ hasText: /Availability zones: 1 2[\s\S]*Node labels: team=web/ }).waitFor();
        // Enter takes the default button: the narrow action (add the pool), never the cluster-wide pin.
        await page.keyboard.press('Enter');
        await toast(page, /Added node pool "firsthour" to "aks-prod-eastus"/).waitFor({ timeout: 60_000 });
        const writes = workbench.emulator.requests.filter((r) => r.method !== 'GET');
        assert.deepStrictEqual(
            writes.map((r) => `${r.method} ${r.url.replace(/\?.*/, '').replace(/^.*\/managedClusters\//, '')}`),
            ['PUT aks-prod-eastus/agentPools/firsthour'],
        );
        const properties = (writes[0].body as { properties: Record<string, unknown> }).properties;
        assert.deepStrictEqual([properties.availabilityZones, properties.nodeLabels], [['1', '2'], { team: 'web' }]);
        for (const untouched of [
            'nodeTaints',
            'enableAutoScaling',
            'minCount',
            'maxPods',
            'upgradeSettings',
            'osDiskSizeGB',
            'osDiskType',
            'tags',
        ]) {
            assert.strictEqual(
                properties[untouched],
                undefined,
                `${untouched} was sent though only Enter was pressed: ${JSON.stringify(properties[untouched])}`,
            );
        }
    });

    it('Create Cluster\'s SSH key: Esc in "Paste a public key…" goes back to the options, Esc there to the summary, every value kept', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-system-2611', 'Create Cluster…');
        await answer(page, /Subscription for the new cluster/, 'Contoso Platform');
        await answer(page, /Cluster name/, 'aks-ssh');
        await answer(page, /Resource group for cluster/, 'rg-platform-eastus');
        for (const question of [/Region for cluster/, /DNS name prefix/, /Node pool name/, /VM size/, /Node count/]) {
            await answer(page, question);
        }
        const summary = dialog(page).filter({ hasText: /Create cluster "aks-ssh"/ });
        await summary.waitFor();
        await summary.getByRole('button', { name: 'Advanced Options…' }).click();
        const list = /Advanced options for cluster "aks-ssh"/;
        await answer(page, list, 'Tier');
        await answer(page, /Pricing tier of the control plane/, 'Standard');
        await answer(page, list, 'SSH public key');
        await answer(page, /SSH public key for the nodes/, 'Paste a public key…');
        await waitForQuestion(page, /An OpenSSH public key/);
        await page.keyboard.press('Escape');
        const back = await waitForQuestion(page, list);
        assert.match(await back.innerText(), /Tier\s*Standard/, 'Esc in the key box lost the tier');
        await page.keyboard.press('Escape');
        await summary.filter({ hasText: /Tier: Standard/ }).waitFor();
        await page.keyboard.press('Escape');
        await assertEnded(page, 'Create Cluster');
        // Esc at the top of a flow with typed values: the status bar says so.
        await page
            .locator('.part.statusbar', { hasText: /Create a cluster from snapshot "snap-system-2611" .*: cancelled; nothing was sent\./ })
            .waitFor({ timeout: 5000 });
        assert.deepStrictEqual(
            workbench.emulator.requests.filter((r) => r.method !== 'GET'),
            [],
        );
    });
});
