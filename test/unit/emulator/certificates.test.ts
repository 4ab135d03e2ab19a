import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/**
 * `npm test` starts suites side by side, each of which makes the emulator's certificates when they are missing (a
 * clean clone): every process must end up with the same CA and server certificate, or one of them trusts a CA its
 * emulators do not use.
 */
describe("The emulator's certificates", function () {
    this.timeout(60_000);

    it('are one set however many processes make them at once', async () => {
        const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aks-certs-')), 'emulator-ca');
        const module = path.resolve(__dirname, '..', '..', 'emulator', 'certificates.js');
        const script = `
            const { createHash } = require('crypto');
            const fs = require('fs');
            const made = require(${JSON.stringify(module)}).ensureCertificates(${JSON.stringify(dir)});
            const hash = (text) => createHash('sha256').update(text).digest('hex');
            console.log(JSON.stringify({ ca: hash(fs.readFileSync(made.caFile)), cert: hash(made.cert), key: hash(made.key) }));`;
        const sets = await Promise.all(Array.from({ length: 4 }, () => run(process.execPath, ['-e', script])));
        const seen = new Set(sets.map(({ stdout }) => stdout.trim()));
        assert.strictEqual(seen.size, 1, `the processes made ${seen.size} different sets`);
        assert.deepStrictEqual(fs.readdirSync(path.dirname(dir)), ['emulator-ca'], 'no folder a process made is left behind');
        fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    });
});
