import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe("Menus (package.json) and the tree's context values", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const clauses = Object.values(manifest.contributes.menus)
        .flat()
        .map((m) => m.when ?? '');
    const tree = fs
        .readdirSync(path.join(ROOT, 'src', 'tree'))
        .map((f) => fs.readFileSync(path.join(ROOT, 'src', 'tree', f), 'utf8'))
        .join('\n');
    /** Every context value a tree item can carry: the literals the tree puts into its context values. */
    // (`aksSnapshots` is the settings' section the tree reads, not a context value.)
    const set = [...new Set([...tree.matchAll(/'(aks[A-Z][A-Za-z]*)'/g)].map((m) => m[1]))].filter((v) => v !== 'aksSnapshots').sort();
    const read = [
        ...new Set(
            clauses.flatMap((c) => [...c.matchAll(/viewItem =~ \/([^/]+)\//g)].flatMap((m) => m[1].match(/aks[A-Z][A-Za-z]*/g) ?? [])),
        ),
    ].sort();

    it("every context value the tree sets is read by a menu's when clause", () => {
        assert.ok(set.length >= 8, `the tree's context values: ${set.join(', ')}`);
        assert.deepStrictEqual(
            set.filter((v) => !read.includes(v)),
            [],
        );
    });

    it('every context value a menu reads is one the tree sets', () => {
        assert.deepStrictEqual(
            read.filter((v) => !set.includes(v)),
            [],
        );
    });
});
