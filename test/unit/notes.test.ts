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
            fs.readFileSync(file, 'utf8')
                .split('\n')
                .filter((line) => /^\s*(\/\/|\/\*\*?|\*)/.test(line))
                .forEach((line) =>
                    cited.push(
                        ...[...line.matchAll(/\b((?:[\w-]+\/)*[\w-]+\.md)\b/g)].map((m) => `${m[1]} (${path.relative(REPO_ROOT, file)})`),
                    ),
                );
        }
        const missing = cited.filter((c) => !fs.existsSync(path.join(REPO_ROOT, c.split(' ')[0])));
        assert.deepStrictEqual(missing, [], 'comments cite documents the repository does not hold');
        assert.ok(
            cited.some((c) => c.startsWith('docs/architecture.md')),
            'the architecture notes are cited where the code leans on them',
        );
    });

    it('keeps its layers: every import points down (docs/architecture.md), and the emulator imports nothing from src', () => {
        // What each layer may import from the others; `vscode` is named where it is allowed.
        const allowed: Record<string, readonly string[]> = {
            model: [],
            messages: ['model', 'vscode'],
            // Settings and VS Code's own sign-in; never its UI (checked below).
            azure: ['model', 'vscode'],
            tree: ['model', 'messages', 'azure', 'vscode', 'walkthrough', 'extensionVariables'],
            commands: ['model', 'messages', 'azure', 'tree', 'vscode', 'walkthrough', 'extensionVariables', 'commands'],
        };
        const layerOf = (file: string): string => path.relative(path.join(REPO_ROOT, 'src'), file).split(path.sep)[0].replace(/\.ts$/, '');
        const wrong: string[] = [];
        for (const file of sources(path.join(REPO_ROOT, 'src'))) {
            const layer = layerOf(file);
            const may = allowed[layer];
            for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gms)) {
                const target =
                    spec === 'vscode' ? 'vscode' : spec.startsWith('.') ? layerOf(path.resolve(path.dirname(file), spec)) : undefined;
                if (may && target && target !== layer && !may.includes(target)) {
                    wrong.push(`${path.relative(REPO_ROOT, file)} → ${spec}`);
                }
            }
        }
        for (const file of sources(path.join(REPO_ROOT, 'test', 'emulator'))) {
            for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gms)) {
                if (spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.join(REPO_ROOT, 'src'))) {
                    wrong.push(`${path.relative(REPO_ROOT, file)} → ${spec}`);
                }
            }
        }
        for (const file of [...sources(path.join(REPO_ROOT, 'src', 'azure')), ...sources(path.join(REPO_ROOT, 'src', 'messages'))]) {
            if (/\bvscode\.window\b/.test(fs.readFileSync(file, 'utf8'))) {
                wrong.push(`${path.relative(REPO_ROOT, file)} → vscode.window`);
            }
        }
        assert.deepStrictEqual(wrong, []);
    });

    it('has no import cycle in src: no module needs, while it loads, one that needs it', () => {
        const resolve = (from: string, spec: string): string | undefined =>
            [`${path.resolve(path.dirname(from), spec)}.ts`, path.join(path.resolve(path.dirname(from), spec), 'index.ts')].find((f) =>
                fs.existsSync(f),
            );
        // Imports that load a module; `import type` is erased, so a child's type naming its parent is no cycle.
        const needs = new Map<string, string[]>();
        for (const file of sources(path.join(REPO_ROOT, 'src'))) {
            const loaded = [...fs.readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';/gms)].map((m) =>
                resolve(file, m[1]),
            );
            needs.set(
                file,
                loaded.filter((f): f is string => f !== undefined),
            );
        }
        const cycles: string[] = [];
        const state = new Map<string, 'visiting' | 'done'>();
        const visit = (file: string, trail: string[]): void => {
            if (state.get(file) === 'visiting') {
                cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(REPO_ROOT, f)).join(' → '));
                return;
            }
            if (state.get(file) === 'done') {
                return;
            }
            state.set(file, 'visiting');
            for (const next of needs.get(file) ?? []) {
                visit(next, [...trail, file]);
            }
            state.set(file, 'done');
        };
        [...needs.keys()].forEach((file) => visit(file, []));
        assert.ok(needs.size > 100, `every module of src is read (${needs.size})`);
        assert.deepStrictEqual(cycles, []);
    });
});
