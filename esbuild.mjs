// Bundles the extension: dist/extension.js (activation), dist/azureIdentity.js (sign-in and the HTTP pipeline reads go
// through) and dist/azureSdk.js (the SDKs writes use), each loaded on first need, and
// dist/html-to-text.js and dist/semver.js (what vscode-azext-utils needs only for an HTML error page or another
// extension's API, loaded if ever used).
// `node esbuild.mjs` builds for development (source maps), `--production` minifies, `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The bundles src/azure/loadSdk.ts loads on first need, by the module it imports. */
const LAZY_SDKS = { './sdk': 'azureSdk', './identitySdk': 'azureIdentity' };

/** src/azure/loadSdk.ts imports './sdk' and './identitySdk': point them at their own bundles instead of inlining them. */
const lazySdk = {
    name: 'lazy-sdk',
    setup(build) {
        build.onResolve({ filter: /^\.\/(sdk|identitySdk)$/ }, (args) =>
            args.importer.endsWith('loadSdk.ts') ? { path: `./${LAZY_SDKS[args.path]}.js`, external: true } : undefined,
        );
    },
};

/**
 * Packages the activation bundle imports but seldom uses: each becomes a module whose exports load the package's
 * own bundle on first access, so activation does not parse them.
 */
const LAZY_PACKAGES = ['html-to-text', 'semver'];
const requireFromHere = createRequire(import.meta.url);
const lazyPackages = {
    name: 'lazy-packages',
    setup(build) {
        build.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) => ({
            path: args.path,
            namespace: 'lazy-package',
        }));
        build.onResolve({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
        build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
            contents: `let loaded;
const load = () => (loaded ??= require(${JSON.stringify(`./${args.path}.js`)}));
for (const name of ${JSON.stringify(Object.keys(requireFromHere(args.path)))}) {
    Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
}`,
            loader: 'js',
        }));
    },
};

/**
 * The product sends no telemetry and asks no experiment service (DESIGN.md §3a). vscode-azext-utils reads
 * DEBUGTELEMETRY at load to pick a local reporter; fix that choice inside our bundle only (the extension host
 * is shared, so the variable itself is never set), and replace the two network clients with modules that
 * refuse to be used.
 */
const noTelemetry = {
    name: 'no-telemetry',
    setup(build) {
        build.onLoad({ filter: /vscode-azext-utils[\\/].*createTelemetryReporter\.js$/ }, async (args) => ({
            contents: (await readFile(args.path, 'utf8')).replaceAll('process.env.DEBUGTELEMETRY', '"quiet"'),
            loader: 'js',
        }));
        build.onResolve({ filter: /^(@vscode\/extension-telemetry|vscode-tas-client)$/ }, (args) => ({
            path: args.path,
            namespace: 'no-telemetry',
        }));
        build.onLoad({ filter: /.*/, namespace: 'no-telemetry' }, (args) => ({
            contents: `const refuse = () => { throw new Error(${JSON.stringify(`${args.path} is disabled: this extension sends no telemetry.`)}); };
module.exports = new Proxy({}, { get: (_, name) => name === '__esModule' ? false : refuse });`,
            loader: 'js',
        }));
    },
};

// A fresh folder, so no source map of an earlier development build outlives it.
await rm('dist', { recursive: true, force: true });

const common = {
    outdir: 'dist',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lazySdk, noTelemetry],
};
const contexts = await Promise.all([
    // vscode-azext-utils tells its errors apart by class name (GoBackError, UserCancelledError): a minified name
    // would turn the Back button into an error toast, so the activation bundle keeps its names.
    esbuild.context({
        ...common,
        entryPoints: { extension: 'src/extension.ts' },
        keepNames: true,
        plugins: [...common.plugins, lazyPackages],
    }),
    esbuild.context({ ...common, entryPoints: { azureSdk: 'src/azure/sdk.ts', azureIdentity: 'src/azure/identitySdk.ts' } }),
    esbuild.context({ ...common, entryPoints: Object.fromEntries(LAZY_PACKAGES.map((name) => [name, name])) }),
]);

if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('esbuild: watching for changes');
} else {
    for (const context of contexts) {
        await context.rebuild();
        await context.dispose();
    }
}
