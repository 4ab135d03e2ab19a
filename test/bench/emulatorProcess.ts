import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { emulatorControl } from '../emulator/controlClient';
import type { EmulatorInfo } from '../emulator/server';

/** The emulator in a process of its own, as Azure is never in the client's: what the bench times the product against. */
export interface EmulatorProcess extends EmulatorInfo {
    requestCount(): Promise<number>;
    clearRequests(): Promise<void>;
    /** Answers 429 since the start or the last reset. */
    throttled(): Promise<number>;
    knobs(knobs: Record<string, unknown>): Promise<void>;
    /** The most ARM requests the emulator held at once since the start or the last call with `reset`. */
    peakInFlight(reset?: boolean): Promise<number>;
    reset(): Promise<void>;
    close(): Promise<void>;
}

/** Starts `npm run emulator`'s entry point with the seed and knobs given (camelCase, as in knobs.ts). */
export async function startEmulatorProcess(seed: string, knobs: Record<string, number | boolean | string>): Promise<EmulatorProcess> {
    const args = [
        '--seed',
        seed,
        ...Object.entries(knobs).flatMap(([name, value]) => [`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(value)]),
    ];
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'emulator', 'cli.js'), ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const firstLine = await new Promise<string>((resolve, reject) => {
        const lines = readline.createInterface({ input: child.stdout });
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`The emulator process exited (${code}) before it served.`)));
    });
    const info = JSON.parse(firstLine) as EmulatorInfo;
    const control = emulatorControl(info.armUrl, fs.readFileSync(info.caFile, 'utf8'));
    return {
        ...info,
        requestCount: async () => ((await control('GET', 'requests')) as unknown[]).length,
        clearRequests: async () => void (await control('DELETE', 'requests')),
        throttled: async () => ((await control('GET', 'throttled')) as { throttled: number }).throttled,
        knobs: async (values) => void (await control('POST', 'knobs', values)),
        peakInFlight: async (reset = false) => ((await control(reset ? 'DELETE' : 'GET', 'inflight')) as { peak: number }).peak,
        reset: async () => void (await control('POST', 'reset')),
        close: async () => {
            child.kill('SIGTERM');
            await exited;
        },
    };
}
