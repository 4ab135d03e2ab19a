import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { RunningEmulator, startEmulator } from '../emulator/server';
import { trustingEmulator } from '../emulator/certificates';
import { emulatorCloudSettings, emulatorEnvironment } from '../emulatorSession';
import { launchChromium } from '../host/browser';
import { CodeServer, REPO_ROOT, startCodeServer } from '../host/codeServer';
import { BUILT_IN_MICROSOFT_SIGN_IN, JAPANESE_LANGUAGE_PACK, TEST_ACCOUNT_EXTENSION } from '../host/extensionHost';
import { GUEST_TENANT_ID } from '../emulator/seeds';
import { updateReadmePicture } from '../host/readmePictures';

export const E2E_OUTPUT = path.join(REPO_ROOT, '.test-output', 'e2e');
export const VSIX = path.join(REPO_ROOT, 'aks-nodepool-snapshots.vsix');

/** A real workbench in Chromium, with the packaged extension installed and signed in to a fresh emulator. */
export interface Workbench {
    readonly page: Page;
    readonly emulator: RunningEmulator;
    /** Saves a picture of the whole window; with AKS_UPDATE_SCREENSHOTS=1 it also becomes a README picture. */
    screenshot(name: string): Promise<void>;
    /** Keeps a picture and a Playwright trace of a failed scenario. */
    saveFailure(name: string): Promise<void>;
    close(): Promise<void>;
}

export interface WorkbenchOptions {
    /**
     * Signed in with a service principal (the default), or signed out of VS Code's own Microsoft sign-in, whose
     * accounts are then the test account provider's (test/fixtures/test-account), with Fabrikam needing its own sign-in.
     */
    readonly signedIn?: boolean;
    /** The emulator's seed (`demo` unless named). */
    readonly seed?: string;
    /** VS Code's display language (with the test language pack that makes it available). */
    readonly locale?: 'ja';
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
    if (!fs.existsSync(VSIX)) {
        throw new Error(`${VSIX} is missing: run "npm run package" first (npm test does).`);
    }
    const stops: (() => Promise<unknown>)[] = [];
    const close = async (): Promise<void> => {
        for (const stop of stops.reverse()) {
            await stop().catch(() => undefined);
        }
    };
    try {
        const emulator = await startEmulator({ seed: options.seed ?? 'demo', operationPolls: 2, retryAfterSeconds: 1 });
        stops.push(() => emulator.close());
        const server: CodeServer = await startCodeServer({
            installVsix: VSIX,
            env: { ...emulatorEnvironment(emulator), ...trustingEmulator(emulator.caFile), AKS_TEST_MFA_TENANTS: GUEST_TENANT_ID },
            userSettings: {
                ...emulatorCloudSettings(emulator),
                'aksSnapshots.authentication': options.signedIn === false ? 'vscode' : 'environment',
                'workbench.secondarySideBar.defaultVisibility': 'hidden',
                'workbench.sideBar.location': 'left',
            },
            locale: options.locale,
            extensionFolders: [
                ...(options.signedIn === false ? [TEST_ACCOUNT_EXTENSION] : []),
                ...(options.locale === 'ja' ? [JAPANESE_LANGUAGE_PACK] : []),
            ],
            disabledExtensions: options.signedIn === false ? [BUILT_IN_MICROSOFT_SIGN_IN] : [],
        });
        stops.push(() => server.stop());
        const browser = await launchChromium();
        stops.push(() => browser.close());
        const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 760 } });
        // The trace of a failure keeps each action's page (snapshots); a film of screenshots would take a core's worth of
        // encoding all along (about a tenth of the workbench's time), and the failure's own picture is kept apart.
        await context.tracing.start({ screenshots: false, snapshots: true });
        const page = await context.newPage();
        await page.goto(`${server.url}/?folder=${encodeURIComponent(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'))}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        fs.mkdirSync(E2E_OUTPUT, { recursive: true });
        return {
            page,
            emulator,
            screenshot: async (name) => {
                const file = path.join(E2E_OUTPUT, `${name}.png`);
                await page.screenshot({ path: file });
                if (process.env.AKS_UPDATE_SCREENSHOTS === '1') {
                    await updateReadmePicture(file, name);
                }
            },
            saveFailure: async (name) => {
                const base = path.join(E2E_OUTPUT, 'failures', name.replace(/[^a-z0-9]+/gi, '-'));
                fs.mkdirSync(path.dirname(base), { recursive: true });
                await page.screenshot({ path: `${base}.png` }).catch(() => undefined);
                await context.tracing.stop({ path: `${base}.trace.zip` }).catch(() => undefined);
                console.error(`  failure kept: ${base}.png and ${base}.trace.zip`);
            },
            close,
        };
    } catch (error) {
        await close();
        throw error;
    }
}

/**
 * The AKS Snapshots view (by its titles in the display language), opened from the activity bar as a person would, with the side bar widened
 * to read it.
 */
export async function openAksView(
    page: Page,
    names: { tab: RegExp; view: RegExp } = { tab: /AKS Snapshots/, view: /Node Pools and Snapshots/i },
): Promise<Locator> {
    await page.getByRole('tab', { name: names.tab }).click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: names.view }) });
    await view.waitFor();
    const sideBar = await page.locator('.part.sidebar').boundingBox();
    if (sideBar && sideBar.width < 500) {
        const edge = sideBar.x + sideBar.width + 1;
        await page.mouse.move(edge, sideBar.y + sideBar.height / 2);
        await page.mouse.down();
        await page.mouse.move(edge + 560 - sideBar.width, sideBar.y + sideBar.height / 2, { steps: 5 });
        await page.mouse.up();
    }
    return view;
}

/** The demo seed's view as most scenarios start from it: Contoso Platform, aks-prod-eastus's pools and the snapshots shown. */
export async function openPlatformTree(page: Page): Promise<void> {
    await openAksView(page);
    await treeRow(page, 'Contoso Platform').click();
    await treeRow(page, 'aks-prod-eastus').click();
    await treeRow(page, 'Snapshots').first().click();
    await treeRow(page, 'snap-gpu-2611').waitFor();
}

/** Before a scenario: no request recorded yet, and no notification left from the one before. */
export async function startClean(workbench: Workbench): Promise<void> {
    workbench.emulator.requests.length = 0;
    await runFromPalette(workbench.page, 'Notifications: Clear All Notifications');
}

/** A row of the tree, by its label. */
export function treeRow(page: Page, label: string): Locator {
    return page.locator('.monaco-list-row', {
        has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
    });
}

/** Right-clicks a tree row and chooses a context-menu item, as a person would. */
export async function contextMenu(page: Page, rowLabel: string, item: string): Promise<void> {
    const row = treeRow(page, rowLabel).first();
    const menu = page.locator('.context-view .monaco-menu');
    const entry = menu.getByRole('menuitem', { name: item, exact: true });
    // A menu the view closes as it redraws (the tree refreshing under the pointer) never shows its entry: a person
    // right-clicks again, and so does this, up to three times.
    for (let opening = 1; ; opening++) {
        // A tooltip left open by the pointer over another row can cover this one: move off the view and let it close.
        await page.mouse.move(900, 700);
        await page
            .locator('.monaco-hover, .workbench-hover')
            .waitFor({ state: 'hidden', timeout: 5000 })
            .catch(() => undefined);
        await row.scrollIntoViewIfNeeded();
        await row.click({ button: 'right' });
        const shown = await entry
            .waitFor({ timeout: opening < 3 ? 5000 : 30_000 })
            .then(() => true)
            .catch((error: unknown) => {
                if (opening >= 3) {
                    throw error;
                }
                return false;
            });
        if (shown) {
            break;
        }
        await page.keyboard.press('Escape');
    }
    // The menu opens with an animation: hover first, as a pointer would, then click.
    await entry.hover();
    await page.waitForTimeout(150);
    // VS Code's menu items take a mouse-up only once a timer that starts when they show has run (so that the
    // right-click's own release chooses nothing); on a busy machine the click can come first and be ignored. A person
    // clicks again; so does this, only while the menu stays open (a chosen item closes it, so nothing runs twice).
    for (let attempt = 1; ; attempt++) {
        const clicked = await entry
            .click({ timeout: 2000 })
            .then(() => true)
            .catch(() => false);
        if (!clicked && !(await menu.isVisible())) {
            return;
        }
        const closed = await menu
            .waitFor({ state: 'detached', timeout: 1000 })
            .then(() => true)
            .catch(() => false);
        if (closed) {
            return;
        }
        if (attempt === 5) {
            throw new Error(`The context menu of "${rowLabel}" stayed open after choosing "${item}" ${attempt} times`);
        }
    }
}

/** The quick input (quick pick or input box) once it asks the question matching `question`. */
export async function waitForQuestion(page: Page, question: RegExp, timeoutMs = 30_000): Promise<Locator> {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input').first();
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
        if (await widget.isVisible()) {
            last = `${(await input.getAttribute('placeholder')) ?? ''} ${(await input.getAttribute('aria-label')) ?? ''} ${await widget.innerText()}`;
            if (question.test(last)) {
                return widget;
            }
        }
        await page.waitForTimeout(100);
    }
    throw new Error(`The question ${question} was not asked; the quick input showed: ${last || '(nothing)'}`);
}

/** Answers the question: types (replacing what is offered, unless `text` is undefined) and presses Enter. */
export async function answer(page: Page, question: RegExp, text?: string): Promise<void> {
    const widget = await waitForQuestion(page, question);
    const input = widget.locator('input').first();
    if (text !== undefined) {
        await input.fill(text);
    }
    // Let the quick pick filter (or validation) catch up with what was typed.
    await page.waitForTimeout(250);
    await input.press('Enter');
}

/** A notification toast that says `text`. */
export function toast(page: Page, text: RegExp): Locator {
    return page.locator('.notifications-toasts .notification-toast', { hasText: text });
}

/** F1, then a command by its title. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
    await page.keyboard.press('F1');
    const widget = await waitForQuestion(page, /.*/);
    await widget.locator('input').fill(`>${title}`);
    await widget
        .getByRole('option', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
        .first()
        .waitFor();
    await widget.locator('input').press('Enter');
}

/**
 * Registers the hooks of a scenario group: one workbench for the group (after `setup`), a picture and a trace
 * kept for each failed scenario, everything stopped at the end. Returns a getter for the workbench.
 */
export function useWorkbench(options: WorkbenchOptions = {}, setup?: (workbench: Workbench) => Promise<void>): () => Workbench {
    let workbench: Workbench | undefined;
    before(async () => {
        workbench = await openWorkbench(options);
        await setup?.(workbench);
    });
    afterEach(async function () {
        if (this.currentTest?.state === 'failed') {
            await workbench?.saveFailure(this.currentTest.fullTitle());
        }
    });
    after(() => workbench?.close());
    return () => workbench!;
}

/**
 * Right-click snap-roll-2611 → Roll Out Snapshot…, type "node image only" and tick every pool it shows; `cannotTake`: the
 * count its last row offers to show (where the list is short enough to show that row).
 */
export async function chooseImageOnlyPools(page: Page, cannotTake?: number): Promise<void> {
    await contextMenu(page, 'snap-roll-2611', 'Roll Out Snapshot…');
    const widget = await waitForQuestion(page, /Node pools to roll snapshot "snap-roll-2611" out to/);
    if (cannotTake !== undefined) {
        assert.match(await widget.innerText(), new RegExp(`Show ${cannotTake} that cannot take it`));
    }
    await widget.locator('input').first().fill('node image only');
    await page.waitForTimeout(300);
    await widget
        .getByRole('checkbox', { name: /toggle all/i })
        .first()
        .click();
    await widget.locator('input').first().press('Enter');
}
