import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { answer, contextMenu, openAksView, runFromPalette, treeRow, useWorkbench, waitForQuestion, Workbench } from './workbench';

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
        name: 'Create Snapshot', row: 'gpu', menu: 'Create Snapshot…',
        steps: [{ question: /Snapshot name/, answer: 'sweep-snap' }, { question: /Resource group for the snapshot/, answer: 'rg-snapshots' }, { question: /Tags/ }],
    },
    {
        name: 'Add Node Pool', row: 'snap-system-2611', menu: 'Add Node Pool…',
        steps: [{ question: /Cluster to add the pool to/, answer: 'aks-prod-eastus' }, { question: /Node pool name/, answer: 'sweep' }, { question: /Mode of the new pool/, answer: 'User' },
            { question: /VM size/, answer: 'Standard_D4s_v5' }, { question: /Node count/, answer: '1' }, { question: /Add node pool "sweep" to "aks-prod-eastus"/, modal: true }],
    },
    {
        name: 'Upgrade to Snapshot (Kubernetes)', row: 'memory', menu: 'Upgrade to Snapshot…',
        steps: [{ question: /Snapshot to upgrade node pool "memory"/, answer: 'snap-memory-2611' }, { question: /Max surge/ }, { question: /Upgrade node pool "memory"/, modal: true }],
    },
    {
        name: 'Upgrade to Snapshot (image only)', row: 'gpu', menu: 'Upgrade to Snapshot…',
        steps: [{ question: /Snapshot to upgrade node pool "gpu"/, answer: 'snap-gpu-2611' }, { question: /Upgrade node pool "gpu"/, modal: true }],
    },
    {
        name: 'Create Cluster', row: 'snap-system-2611', menu: 'Create Cluster…',
        steps: [{ question: /Subscription for the new cluster/, answer: 'Contoso Platform' }, { question: /Cluster name/, answer: 'aks-sweep' },
            { question: /Resource group for cluster/, answer: 'rg-platform-eastus' }, { question: /Region for cluster/ }, { question: /DNS name prefix/ },
            { question: /Node pool name/ }, { question: /VM size/ }, { question: /Node count/ }, { question: /Create cluster "aks-sweep"/, modal: true }],
    },
    {
        name: 'Edit Tags', row: 'snap-system-2611', menu: 'Edit Tags…',
        steps: [{ question: /Tags of snapshot "snap-system-2611"/, answer: 'Add a tag…' }, { question: /Name of the new tag/, answer: 'sweep' }, { question: /Value of tag "sweep"/ }],
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
    if (await errors.count() > 0) {
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
    const current = useWorkbench({}, async (w) => {
        await openAksView(w.page);
        await treeRow(w.page, 'Contoso Platform').click();
        await treeRow(w.page, 'aks-prod-eastus').click();
        await treeRow(w.page, 'Snapshots').first().click();
        await treeRow(w.page, 'snap-gpu-2611').waitFor();
    });
    let workbench: Workbench;
    const done: string[] = [];

    beforeEach(async () => {
        workbench = current();
        workbench.emulator.requests.length = 0;
        // Each flow starts with no notification from an earlier one.
        await runFromPalette(workbench.page, 'Notifications: Clear All Notifications');
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
                assert.deepStrictEqual(workbench.emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`), [],
                    `${flow.name}, step ${at + 1}: Azure received a write`);
            }
        });
    }
});
