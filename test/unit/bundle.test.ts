import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const DIST = path.resolve(__dirname, '..', '..', '..', 'dist');
const activationBundle = (): string => fs.readFileSync(path.join(DIST, 'extension.js'), 'utf8');

describe('Bundles (npm run build)', () => {
    it('activation parses none of the packages loaded on first need: the Azure SDKs, html-to-text and semver', () => {
        const text = activationBundle();
        // The development build names each bundled module's path in a comment.
        for (const pkg of [
            '@azure/arm-containerservice',
            '@azure/identity',
            '@azure/msal-node',
            'html-to-text',
            'htmlparser2',
            'entities',
            'semver',
        ]) {
            assert.ok(!text.includes(`node_modules/${pkg}/`), `dist/extension.js bundles ${pkg}`);
        }
        assert.ok(text.includes('import("./azureSdk.js")'), 'dist/extension.js loads ./azureSdk.js on first need');
        assert.ok(text.includes('import("./azureIdentity.js")'), 'dist/extension.js loads ./azureIdentity.js on first need');
        for (const lazy of ['./html-to-text.js', './semver.js']) {
            assert.ok(text.includes(`require("${lazy}")`), `dist/extension.js loads ${lazy} on first need`);
        }
    });

    it("the tree's reads wait for the credentials' bundle only: it holds no SDK writes use, and the writes' bundle no sign-in", () => {
        const identity = fs.readFileSync(path.join(DIST, 'azureIdentity.js'), 'utf8');
        const sdk = fs.readFileSync(path.join(DIST, 'azureSdk.js'), 'utf8');
        for (const pkg of ['@azure/arm-containerservice', '@azure-rest/core-client', '@azure/core-lro']) {
            assert.ok(!identity.includes(`node_modules/${pkg}/`), `dist/azureIdentity.js bundles ${pkg}`);
        }
        for (const pkg of ['@azure/identity', '@azure/msal-node', '@azure/msal-common']) {
            assert.ok(!sdk.includes(`node_modules/${pkg}/`), `dist/azureSdk.js bundles ${pkg}`);
        }
        assert.ok(identity.includes('node_modules/@azure/msal-node/'), 'dist/azureIdentity.js holds the sign-in');
        assert.ok(sdk.includes('node_modules/@azure/arm-containerservice/'), 'dist/azureSdk.js holds the AKS SDK');
    });

    it('each package loaded on first need exports every name the activation bundle reads from it, and works', () => {
        const text = activationBundle();
        for (const name of ['html-to-text', 'semver']) {
            const listed = new RegExp(`require\\("\\./${name}\\.js"\\)[\\s\\S]{0,200}?for ?\\((?:const|let) \\w+ of ?(\\[[^\\]]*\\])`).exec(
                text,
            );
            assert.ok(listed, `dist/extension.js lists the names of ${name}`);
            const names = JSON.parse(listed[1]) as string[];
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const loaded = require(path.join(DIST, `${name}.js`)) as Record<string, unknown>;
            assert.deepStrictEqual(
                names.filter((n) => loaded[n] === undefined),
                [],
                `${name}.js lacks names`,
            );
        }
        // What vscode-azext-utils does with an HTML error page (a gateway's, say) before showing it.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { convert } = require(path.join(DIST, 'html-to-text.js')) as { convert: (html: string, options: object) => string };
        assert.strictEqual(convert('<html><body><h1>502 Bad Gateway</h1></body></html>', { wordwrap: false }), '502 BAD GATEWAY');
    });
});
