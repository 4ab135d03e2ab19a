import * as path from 'path';
import { startEmulator } from '../emulator/server';
import { emulatorCloudSettings, emulatorEnvironment } from '../emulatorSession';
import { launchChromium } from './browser';
import { REPO_ROOT, startCodeServer, tail } from './codeServer';

/**
 * Runs the mocha suites of test/suite inside the extension host of a real VS Code (code-server), with the
 * extension under development signed in to a fresh emulator. The suites' result is the exit code.
 */
async function main(): Promise<number> {
    const emulator = await startEmulator({ seed: 'demo', operationPolls: 2, retryAfterSeconds: 1 });
    const cleanups: (() => Promise<void>)[] = [() => emulator.close()];
    const cleanup = async (): Promise<void> => {
        for (const step of cleanups.reverse()) {
            await step().catch(() => undefined);
        }
    };
    process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
    try {
        const server = await startCodeServer({
            smokeTestDriver: true,
            env: {
                ...emulatorEnvironment(emulator),
                NODE_EXTRA_CA_CERTS: emulator.caFile,
                AKS_EMULATOR_URL: emulator.armUrl,
                AKS_TEST_GREP: process.env.AKS_TEST_GREP ?? '',
            },
            userSettings: { ...emulatorCloudSettings(emulator), 'aksSnapshots.authentication': 'environment' },
        });
        cleanups.push(() => server.stop());
        const browser = await launchChromium();
        cleanups.push(() => browser.close());
        const page = await browser.newPage();

        let exit: (code: number) => void = () => undefined;
        const exited = new Promise<number>((resolve) => (exit = resolve));
        await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
        await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => printFromHost(type, args));
        page.on('console', (message) => printConsole(message.text()));

        const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
        const payload = [
            ['extensionDevelopmentPath', remote(REPO_ROOT)],
            ['extensionTestsPath', remote(path.join(REPO_ROOT, 'out', 'test', 'suite'))],
        ];
        await page.goto(`${server.url}/?folder=${encodeURIComponent(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

        // Fail fast when VS Code ignores the payload instead of waiting for a run that never starts.
        const isDevelopmentHost = await page.waitForFunction("document.title.includes('[Extension Development Host]')", undefined, { timeout: 60_000 })
            .then(() => true, () => false);
        if (!isDevelopmentHost) {
            throw new Error(`The window never became an "[Extension Development Host]" window (title: "${await page.title()}"). ` +
                `code-server must run with --vscode-option enable-smoke-test-driver.\n${tail(server.logFile)}`);
        }
        const timeout = new Promise<number>((resolve) => setTimeout(() => {
            console.error('The suites did not finish within 10 minutes.');
            resolve(1);
        }, 10 * 60_000));
        const code = await Promise.race([exited, timeout]);
        if (code !== 0) {
            console.error(`Extension host suites failed (exit ${code}). code-server log:\n${tail(server.logFile, 20)}`);
        }
        return code;
    } finally {
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

function printConsole(text: string): void {
    // Lines the suites print carry this prefix (see test/suite/index.ts).
    const marker = '[suite] ';
    const at = text.indexOf(marker);
    if (at >= 0) {
        console.log(text.slice(at + marker.length));
    } else if (/\bERR\b/.test(text) && text.includes(REPO_ROOT)) {
        // Errors thrown by the extension or the suites, with their stacks.
        console.error(text.replace(/^%c\s*ERR color: #f33 /, ''));
    } else if (process.env.AKS_SHOW_WORKBENCH_LOG) {
        console.log(text);
    }
}

main().then((code) => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
