import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { format } from 'util';
import { writeResult } from '../results';
import { startRecordingConnections } from './connections';

/**
 * Entry point VS Code calls inside the extension host (`extensionTestsPath`). Runs every *.test.js here with
 * mocha; a rejected promise makes VS Code exit with a failure code.
 */
export async function run(): Promise<void> {
    // Before the extension activates, so that every connection it opens is seen.
    startRecordingConnections();
    // The workbench shows the extension host's console; the runner prints the lines that carry this prefix.
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) =>
        console.log(
            format(...args)
                .split('\n')
                .map((l) => `[suite] ${l}`)
                .join('\n'),
        );
    const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec', grep: process.env.AKS_TEST_GREP || undefined });
    // The Japanese suites run in their own host, whose display language is Japanese (AKS_TEST_LANGUAGE=ja).
    const japanese = process.env.AKS_TEST_LANGUAGE === 'ja';
    // A host may run a share of the files (runSuites runs two hosts at once): their names match AKS_TEST_FILES.
    const share = new RegExp(process.env.AKS_TEST_FILES || '');
    for (const file of fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith('.test.js') && f.endsWith('.ja.test.js') === japanese && share.test(f))
        .sort()) {
        mocha.addFile(path.join(__dirname, file));
    }
    const failures = await new Promise<number>((resolve) => {
        const runner = mocha.run((count) => {
            writeResult(process.env.AKS_TEST_RESULT_NAME || 'host', { passed: runner.stats?.passes ?? 0, failed: count });
            resolve(count);
        });
    });
    if (failures > 0) {
        throw new Error(`${failures} extension host test(s) failed.`);
    }
}
