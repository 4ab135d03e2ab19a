import * as assert from 'assert';
import { ChildProcess, execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { promisify } from 'util';
import type { EmulatorInfo } from '../../emulator/server';

const run = promisify(execFile);

/** The real Azure CLI (Debian's azure-cli), signed in to an emulator as a registered cloud (docs/architecture.md, the emulator). */
export interface AzureCliSession {
    /** Runs `az <args> --output json` and parses what it prints. */
    az(...args: string[]): Promise<unknown>;
    /**
     * The same, in one of a few Azure CLI processes kept running (`azInProcess.py`: the CLI's own entry point, its
     * modules loaded once), for suites that run hundreds of commands. `az` starts a process per command, as a person's.
     */
    azKeptRunning(...args: string[]): Promise<unknown>;
    /** Runs one shell line (as a person would paste it) and returns its exit code and output. */
    shell(line: string): Promise<{ code: number; stdout: string; stderr: string }>;
    /**
     * A command as this CLI version can run it: the flags it does not know (newer than it) are taken out, with
     * their values, and named, so that a test runs the rest and says what it could not.
     */
    knownOnly(command: readonly string[]): Promise<{ command: string[]; dropped: string[] }>;
    /** The environment `az` runs in (its own config folder, trusting the emulator), for a client that starts `az` itself. */
    readonly env: NodeJS.ProcessEnv;
    close(): void;
}

export async function signInAzureCli(emulator: EmulatorInfo): Promise<AzureCliSession> {
    await run('az', ['version']).catch(() => {
        throw new Error('The Azure CLI ("az") is not installed: install Debian\'s azure-cli package (see .ci/run).');
    });
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-az-'));
    const env = {
        ...process.env,
        AZURE_CONFIG_DIR: configDir,
        AZURE_CORE_COLLECT_TELEMETRY: 'false',
        AZURE_CORE_SURVEY_MESSAGE: 'false',
        AZURE_CORE_NO_COLOR: 'true',
        AZURE_CORE_ONLY_SHOW_ERRORS: 'true',
        REQUESTS_CA_BUNDLE: emulator.caFile,
    };
    const az = async (...args: string[]): Promise<unknown> => {
        const { stdout } = await run('az', [...args, '--output', 'json'], { env, maxBuffer: 16 * 1024 * 1024 });
        return stdout.trim() ? JSON.parse(stdout) : undefined;
    };
    const shell = (line: string): Promise<{ code: number; stdout: string; stderr: string }> =>
        new Promise((resolve) => {
            execFile('bash', ['-c', `${line} --output none`], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
                resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
            );
        });
    await az(
        'cloud',
        'register',
        '--name',
        'Emulator',
        '--endpoint-resource-manager',
        emulator.armUrl,
        '--endpoint-active-directory',
        `${emulator.tokenAuthority}adfs`,
        '--endpoint-active-directory-resource-id',
        'https://management.core.windows.net/',
        '--endpoint-active-directory-graph-resource-id',
        'https://graph.windows.net/',
    );
    await az('cloud', 'set', '--name', 'Emulator');
    const accounts = (await az(
        'login',
        '--service-principal',
        '-u',
        emulator.clientId,
        '-p',
        emulator.clientSecret,
        '--tenant',
        emulator.tenantId,
    )) as unknown[];
    assert.ok(accounts.length > 0, 'the Azure CLI signed in to no subscription');
    const flagsOf = new Map<string, Promise<Set<string>>>();
    const knownOnly = async (command: readonly string[]): Promise<{ command: string[]; dropped: string[] }> => {
        const group = command
            .slice(
                1,
                command.findIndex((a) => a.startsWith('--')),
            )
            .join(' ');
        let flags = flagsOf.get(group);
        if (!flags) {
            flags = run('az', [...group.split(' '), '--help'], { env, maxBuffer: 16 * 1024 * 1024 }).then(
                ({ stdout }) => new Set([...stdout.matchAll(/^\s+(--[a-z0-9-]+(?: --[a-z0-9-]+)*)/gm)].flatMap((m) => m[1].split(' '))),
            );
            flagsOf.set(group, flags);
        }
        const known = await flags;
        const kept: string[] = [];
        const dropped: string[] = [];
        for (let i = 0; i < command.length; i++) {
            const arg = command[i];
            // `--flag=value` is a flag with its value joined (a value that could read as an option).
            if (arg.startsWith('--') && !known.has(arg.replace(/=[^]*$/, ''))) {
                dropped.push(arg);
                if (i + 1 < command.length && !command[i + 1].startsWith('--')) {
                    i++;
                }
            } else {
                kept.push(arg);
            }
        }
        return { command: kept, dropped };
    };
    const kept = keptRunning(env, 3);
    return {
        az,
        azKeptRunning: kept.az,
        shell,
        knownOnly,
        env,
        close: () => {
            kept.close();
            fs.rmSync(configDir, { recursive: true, force: true });
        },
    };
}

/** The `az` this process's PATH finds first. */
function azOnPath(): string | undefined {
    return (process.env.PATH ?? '')
        .split(':')
        .map((d) => path.join(d, 'az'))
        .find((f) => fs.existsSync(f));
}

/** The interpreter `az` runs on (its script's `#!` line), which has the CLI's modules. */
function azPython(): string {
    const az = azOnPath();
    const shebang = az ? /^#!\s*(\S+)/.exec(fs.readFileSync(az, 'utf8').split('\n')[0]) : undefined;
    return shebang && !shebang[1].endsWith('/env') ? shebang[1] : 'python3';
}

/** Up to `width` Azure CLI processes kept running, each taking one command at a time; started on first need. */
function keptRunning(env: NodeJS.ProcessEnv, width: number): { az(...args: string[]): Promise<unknown>; close(): void } {
    const script = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'unit', 'cli', 'azInProcess.py');
    const kept: { child: ChildProcess; lines: readline.Interface; turn: Promise<unknown> }[] = [];
    let next = 0;
    const send = (child: ChildProcess, lines: readline.Interface, args: string[]): Promise<unknown> =>
        new Promise((resolve, reject) => {
            const ended = (code: number | null): void => reject(new Error(`The kept Azure CLI process ended (exit ${code}).`));
            child.once('exit', ended);
            lines.once('line', (line) => {
                child.off('exit', ended);
                const { code, stdout, stderr } = JSON.parse(line) as { code: number; stdout: string; stderr: string };
                if (code === 0) {
                    resolve(stdout.trim() ? JSON.parse(stdout) : undefined);
                } else {
                    reject(Object.assign(new Error(`az ${args.join(' ')} exited with ${code}`), { stderr }));
                }
            });
            child.stdin?.write(`${JSON.stringify(args)}\n`);
        });
    return {
        az: (...args: string[]): Promise<unknown> => {
            if (kept.length < width) {
                const child = spawn(azPython(), [script], { env, stdio: ['pipe', 'pipe', 'inherit'] });
                kept.push({ child, lines: readline.createInterface({ input: child.stdout! }), turn: Promise.resolve() });
            }
            const one = kept[next++ % kept.length];
            // One command at a time per process: the next waits for the one before, whatever its end.
            const result = one.turn.catch(() => undefined).then(() => send(one.child, one.lines, [...args, '--output', 'json']));
            one.turn = result;
            return result;
        },
        close: () => {
            for (const { child } of kept) {
                child.stdin?.end();
                child.kill();
            }
        },
    };
}

/**
 * Puts the signed-in `az` first on this process's PATH through a shim that writes each run's arguments down, so that
 * a test or the bench counts the `az` processes the product starts. `tokenRuns()` counts `get-access-token`;
 * `restore()` puts the environment back and removes the shim.
 */
export function countAzRuns(cli: AzureCliSession): { tokenRuns(): number; restore(): void } {
    const shim = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-az-shim-'));
    const saved = { ...process.env };
    const realAz = azOnPath() ?? 'az';
    const log = path.join(shim, 'calls.log');
    fs.writeFileSync(path.join(shim, 'az'), `#!/bin/sh\necho "$*" >> "${log}"\nexec "${realAz}" "$@"\n`, { mode: 0o755 });
    Object.assign(process.env, cli.env, { PATH: `${shim}:${process.env.PATH ?? ''}` });
    return {
        tokenRuns: () =>
            (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').split('\n').filter((line) => line.includes('get-access-token')).length,
        restore: () => {
            for (const key of Object.keys(process.env)) {
                if (!(key in saved)) {
                    delete process.env[key];
                }
            }
            Object.assign(process.env, saved);
            fs.rmSync(shim, { recursive: true, force: true });
        },
    };
}
