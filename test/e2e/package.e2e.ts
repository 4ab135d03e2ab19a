import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../host/codeServer';
import { VSIX } from './workbench';

/** Every entry of a zip file (a .vsix) with its compressed and full size, from its central directory. */
function zipEntries(file: string): { name: string; compressed: number; size: number }[] {
    const zip = fs.readFileSync(file);
    // The end-of-central-directory record: its signature, searched from the end (a comment may follow it).
    let end = zip.length - 22;
    while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) {
        end--;
    }
    assert.ok(end >= 0, `${file} is not a zip file`);
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const entries: { name: string; compressed: number; size: number }[] = [];
    for (let i = 0; i < count; i++) {
        assert.strictEqual(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
        const nameLength = zip.readUInt16LE(at + 28);
        entries.push({
            name: zip.toString('utf8', at + 46, at + 46 + nameLength),
            compressed: zip.readUInt32LE(at + 20),
            size: zip.readUInt32LE(at + 24),
        });
        at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
}

describe('The package (npm run package)', () => {
    it('is at most 950 KB, holds every README picture, and no test, source or source map', () => {
        const bytes = fs.statSync(VSIX).size;
        const files = zipEntries(VSIX).map((e) => e.name);
        const shipped = files.filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
        console.log(
            `      ${path.basename(VSIX)}: ${bytes} bytes (${(bytes / 1024).toFixed(0)} KB), ${files.length} files:\n${shipped.map((f) => `        ${f}`).join('\n')}`,
        );
        // 850 KB until the Fleet Manager hand-off: its two README pictures (56 KB), its words in two languages (8 KB) and
        // Fleet's SDK for the run's writes (6 KB).
        assert.ok(bytes <= 950 * 1024, `${bytes} bytes is more than 950 KB`);

        const allowed =
            /^(dist\/[\w-]+\.js|media\/[\w-]+\.svg|media\/icon\.png|media\/readme\/[\w-]+\.webp|l10n\/bundle\.l10n(\.ja)?\.json|package\.json|package\.nls(\.ja)?\.json|readme\.md|changelog\.md|LICENSE\.txt)$/;
        assert.deepStrictEqual(
            shipped.filter((f) => !allowed.test(f)),
            [],
            'only the bundles, pictures, translations and the manifest',
        );
        assert.ok(!shipped.some((f) => /\.(ts|map)$|^(src|test|out)\//.test(f)), 'no source, test or map');
        for (const bundle of ['extension', 'azureSdk', 'html-to-text', 'semver']) {
            assert.ok(shipped.includes(`dist/${bundle}.js`), `dist/${bundle}.js is shipped`);
        }
        const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
        const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((p) => !/^https?:/.test(p));
        assert.ok(pictures.length >= 16, `the README shows its pictures (${pictures.length})`);
        assert.deepStrictEqual(
            pictures.filter((p) => !shipped.includes(p)),
            [],
            'every README picture is in the package',
        );
        assert.deepStrictEqual(
            shipped.filter((f) => f.startsWith('media/readme/') && !pictures.includes(f)),
            [],
            'no picture the README does not show',
        );
    });

    it('is a Marketplace page for users: no developer document, a repository, an icon and a banner', () => {
        // What `vsce ls` lists is what `vsce package` (npm run package, without --allow-missing-repository) ships.
        const listed = execFileSync(
            process.execPath,
            [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
            { cwd: REPO_ROOT, encoding: 'utf8' },
        )
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
        assert.ok(listed.includes('README.md') && listed.includes('CHANGELOG.md') && listed.includes('media/icon.png'), listed.join(', '));
        assert.deepStrictEqual(
            listed.filter((f) => /^(CONTRIBUTING|BENCHMARKS)\.md$|^(docs|bench|test|\.vscode|\.ci)\//.test(f)),
            [],
            'no developer document',
        );
        const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
        for (const field of ['repository', 'bugs', 'homepage', 'icon', 'galleryBanner']) {
            assert.ok(manifest[field], `package.json has ${field}`);
        }
        assert.strictEqual(manifest.preview, true);
        const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
        assert.ok(
            readme.indexOf('npm ci') > readme.indexOf('## Privacy'),
            'the README opens with what users need; building from source comes last',
        );
        assert.match(
            fs.readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'),
            new RegExp(`^## \\[${String(manifest.version).replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
            'the CHANGELOG has this version, dated',
        );
    });
});
