import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string): string[] => (text.match(/\{\d+\}|\$\([a-z-]+\)|\(R\d+\)/g) ?? []).sort();

describe('Translations', () => {
    it('the English runtime bundle holds exactly the strings the code passes to vscode.l10n.t (npm run l10n)', function () {
        this.timeout(60_000);
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-snapshots-l10n-'));
        try {
            execFileSync(process.execPath, [require.resolve('@vscode/l10n-dev/dist/cli.js'), 'export', '-o', out, path.join(ROOT, 'src')], {
                stdio: 'pipe',
            });
            assert.deepStrictEqual(
                Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8'))).sort(),
                Object.keys(read('l10n/bundle.l10n.json')).sort(),
            );
        } finally {
            fs.rmSync(out, { recursive: true, force: true });
        }
    });

    it('the Japanese runtime bundle translates every string, keeping its placeholders, icons and rule numbers', () => {
        const english = read('l10n/bundle.l10n.json');
        const japanese = read('l10n/bundle.l10n.ja.json');
        assert.deepStrictEqual(Object.keys(japanese).sort(), Object.keys(english).sort());
        for (const [source, translated] of Object.entries(japanese)) {
            assert.deepStrictEqual(placeholders(translated), placeholders(source), `"${source}" → "${translated}"`);
        }
    });

    it('the Japanese manifest strings cover every English one', () => {
        assert.deepStrictEqual(Object.keys(read('package.nls.ja.json')).sort(), Object.keys(read('package.nls.json')).sort());
    });
});
