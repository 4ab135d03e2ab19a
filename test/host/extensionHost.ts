import * as path from 'path';
import type { EmulatorInfo } from '../emulator/server';
import { emulatorCloudSettings, emulatorEnvironment } from '../emulatorSession';
import { trustingEmulator } from '../emulator/certificates';
import { launchChromium } from './browser';
import { REPO_ROOT, startCodeServer, tail } from './codeServer';

export interface ExtensionHostRun {
    /** The folder VS Code runs as `extensionTestsPath`: its index.js exports `run()`. */
    readonly testsPath: string;
    readonly emulator: EmulatorInfo;
    /** More environment for the extension host (and so for the tests). */
    readonly env?: Record<string, string>;
    readonly userSettings?: Record<string, unknown>;
    /** Lines the tests print with the `[suite] ` prefix (see test/suite/index.ts), without it. */
    readonly onLine?: (line: string) => void;
    readonly timeoutMs?: number;
    /** VS Code's display language, with the test language pack that makes it available (test/fixtures). */
    readonly locale?: 'ja';
    /** A user data folder kept across starts (see `CodeServerOptions`). */
    readonly userDataDir?: string;
}

/** Makes Japanese a display language in a test host (VS Code's own strings stay English; the extension's are Japanese). */
export const JAPANESE_LANGUAGE_PACK = path.join(REPO_ROOT, 'test', 'fixtures', 'language-pack-ja');

/**
 * Microsoft accounts on the emulator (test/fixtures/test-account) in place of VS Code's own Microsoft sign-in,
 * which would need Entra ID: the same provider ids, so the built-in one is disabled where this one runs.
 */
export const TEST_ACCOUNT_EXTENSION = path.join(REPO_ROOT, 'test', 'fixtures', 'test-account');
export const BUILT_IN_MICROSOFT_SIGN_IN = 'vscode.microsoft-authentication';
/** The accounts the test provider knows, and the product's id as VS Code records who may use an account. */
export const TEST_ACCOUNTS = ['dev@contoso.com', 'ops@contoso.com'];
const PRODUCT_ID = 'aks-nodepool-snapshots.aks-nodepool-snapshots';

/**
 * Records, before the workbench loads, that the person once allowed the product to use each test account, where
 * VS Code keeps that answer (its application storage, `<provider>-<account>`). A window that runs extension tests
 * refuses every dialog, so the consent a person gives in the "wants to sign in" dialog (which the workbench
 * scenarios click) is given here ahead of time.
 */
export async function allowProductToUseTestAccounts(page: import('playwright-core').Page, url: string): Promise<void> {
    await page.goto(`${url}/healthz`);
    const entries = ['microsoft', 'microsoft-sovereign-cloud'].flatMap((provider) =>
        TEST_ACCOUNTS.map((account) => [
            `${provider}-${account}`,
            JSON.stringify([{ id: PRODUCT_ID, name: 'AKS Node Pool Snapshots', allowed: true }]),
        ]),
    );
    // Runs in the page (the project's TypeScript has no DOM types): the same store VS Code opens at start.
    await page.evaluate(`new Promise((resolve, reject) => {
        const open = indexedDB.open('vscode-web-state-db-global');
        open.onupgradeneeded = () => open.result.createObjectStore('ItemTable');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
            const transaction = open.result.transaction('ItemTable', 'readwrite');
            for (const [key, value] of ${JSON.stringify(entries)}) {
                transaction.objectStore('ItemTable').put(value, key);
            }
            transaction.oncomplete = () => { open.result.close(); resolve(); };
            transaction.onerror = () => reject(transaction.error);
        };
    })`);
}

/**
 * Runs tests inside the extension host of a real VS Code (code-server, its workbench in Chromium), with the
 * extension under development signed in to the emulator given. Resolves with the tests' exit code.
 */
export async function runInExtensionHost(run: ExtensionHostRun): Promise<number> {
    const { emulator } = run;
    const cleanups: (() => Promise<void>)[] = [];
    const cleanup = async (): Promise<void> => {
        for (const step of cleanups.reverse()) {
            await step().catch(() => undefined);
        }
        cleanups.length = 0;
    };
    // code-server runs in a process group of its own: Ctrl+C must end it too.
    const interrupted = (): void => void cleanup().then(() => process.exit(130));
    process.once('SIGINT', interrupted);
    try {
        const server = await startCodeServer({
            smokeTestDriver: true,
            env: {
                ...emulatorEnvironment(emulator),
                ...trustingEmulator(emulator.caFile),
                AKS_EMULATOR_URL: emulator.armUrl,
                ...run.env,
            },
            userSettings: { ...emulatorCloudSettings(emulator), 'aksSnapshots.authentication': 'environment', ...run.userSettings },
            locale: run.locale,
            userDataDir: run.userDataDir,
            extensionFolders: [TEST_ACCOUNT_EXTENSION, ...(run.locale === 'ja' ? [JAPANESE_LANGUAGE_PACK] : [])],
            disabledExtensions: [BUILT_IN_MICROSOFT_SIGN_IN],
        });
        cleanups.push(() => server.stop());
        const browser = await launchChromium();
        cleanups.push(() => browser.close());
        const page = await browser.newPage();
        await allowProductToUseTestAccounts(page, server.url);

        let exit: (code: number) => void = () => undefined;
        const exited = new Promise<number>((resolve) => (exit = resolve));
        const onLine = run.onLine ?? ((line: string) => console.log(line));
        await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
        await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => printFromHost(type, args));
        page.on('console', (message) => printConsole(message.text(), onLine));

        const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
        const payload = [
            ['extensionDevelopmentPath', remote(REPO_ROOT)],
            ['extensionTestsPath', remote(run.testsPath)],
        ];
        await page.goto(
            `${server.url}/?folder=${encodeURIComponent(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
        );

        // Fail fast when VS Code ignores the payload instead of waiting for a run that never starts.
        const isDevelopmentHost = await page
            .waitForFunction("document.title.includes('[Extension Development Host]')", undefined, { timeout: 60_000 })
            .then(
                () => true,
                () => false,
            );
        if (!isDevelopmentHost) {
            throw new Error(
                `The window never became an "[Extension Development Host]" window (title: "${await page.title()}"). ` +
                    `code-server must run with --vscode-option enable-smoke-test-driver.\n${tail(server.logFile)}`,
            );
        }
        const minutes = (run.timeoutMs ?? 10 * 60_000) / 60_000;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<number>(
            (resolve) =>
                (timer = setTimeout(() => {
                    console.error(`The extension host tests did not finish within ${minutes} minutes.`);
                    resolve(1);
                }, minutes * 60_000)),
        );
        const code = await Promise.race([exited, timeout]);
        clearTimeout(timer);
        if (code !== 0) {
            console.error(`Extension host tests failed (exit ${code}). code-server log:\n${tail(server.logFile, 20)}`);
        }
        return code;
    } finally {
        process.off('SIGINT', interrupted);
        await cleanup();
    }
}

/** The workbench forwards much of its own logging; keep what the suites and the extension print. */
function printFromHost(type: string, args: unknown[]): void {
    const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    if (type === 'error' && /extension host|aksSnapshots|aks-nodepool-snapshots/i.test(text)) {
        console.error(text);
    }
}

function printConsole(text: string, onLine: (line: string) => void): void {
    const marker = '[suite] ';
    const at = text.indexOf(marker);
    if (at >= 0) {
        // A message of several lines carries the marker on each.
        for (const line of text.slice(at + marker.length).split('\n')) {
            onLine(line.startsWith(marker) ? line.slice(marker.length) : line);
        }
    } else if (/\bERR\b/.test(text) && text.includes(REPO_ROOT)) {
        // Errors thrown by the extension or the suites, with their stacks.
        console.error(text.replace(/^%c\s*ERR color: #f33 /, ''));
    } else if (process.env.AKS_SHOW_WORKBENCH_LOG) {
        console.log(text);
    }
}
