import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
    });
}

describe('The repository explains itself', () => {
    it('every document a comment in src or test names is in the repository', () => {
        const cited: string[] = [];
        for (const file of [...sources(path.join(REPO_ROOT, 'src')), ...sources(path.join(REPO_ROOT, 'test'))]) {
            fs.readFileSync(file, 'utf8').split('\n')
                .filter((line) => /^\s*(\/\/|\/\*\*?|\*)/.test(line))
                .forEach((line) => cited.push(...[...line.matchAll(/\b((?:[\w-]+\/)*[\w-]+\.md)\b/g)].map((m) => `${m[1]} (${path.relative(REPO_ROOT, file)})`)));
        }
        const missing = cited.filter((c) => !fs.existsSync(path.join(REPO_ROOT, c.split(' ')[0])));
        assert.deepStrictEqual(missing, [], 'comments cite documents the repository does not hold');
        assert.ok(cited.some((c) => c.startsWith('docs/architecture.md')), 'the architecture notes are cited where the code leans on them');
    });
});
