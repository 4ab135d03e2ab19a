import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { EmulatorInfo } from '../../emulator/server';

const run = promisify(execFile);

/** The real Azure CLI (Debian's azure-cli), signed in to an emulator as a registered cloud (DESIGN.md §3). */
export interface AzureCliSession {
    /** Runs `az <args> --output json` and parses what it prints. */
    az(...args: string[]): Promise<unknown>;
    /** Runs one shell line (as a person would paste it) and returns its exit code and output. */
    shell(line: string): Promise<{ code: number; stdout: string; stderr: string }>;
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
    const shell = (line: string): Promise<{ code: number; stdout: string; stderr: string }> => new Promise((resolve) => {
        execFile('bash', ['-c', `${line} --output none`], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
    });
    await az('cloud', 'register', '--name', 'Emulator',
        '--endpoint-resource-manager', emulator.armUrl,
        '--endpoint-active-directory', `${emulator.tokenAuthority}adfs`,
        '--endpoint-active-directory-resource-id', 'https://management.core.windows.net/',
        '--endpoint-active-directory-graph-resource-id', 'https://graph.windows.net/');
    await az('cloud', 'set', '--name', 'Emulator');
    const accounts = await az('login', '--service-principal', '-u', emulator.clientId, '-p', emulator.clientSecret, '--tenant', emulator.tenantId) as unknown[];
    assert.ok(accounts.length > 0, 'the Azure CLI signed in to no subscription');
    return { az, shell, close: () => fs.rmSync(configDir, { recursive: true, force: true }) };
}
