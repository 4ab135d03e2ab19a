import tseslint from 'typescript-eslint';

/**
 * Lint with type information (a promise left floating, or given where a callback's result is ignored, is an error),
 * and the layers' boundaries (docs/architecture.md) as import rules; test/unit/notes.test.ts checks the same arrows
 * and that no import cycle exists.
 */
const layer = (files, patterns, message) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
    { ignores: ['dist/**', 'out/**', '.vscode-test/**', '.test-output/**', 'node_modules/**', 'test/fixtures/**/out/**'] },
    ...tseslint.configs.recommended,
    {
        files: ['src/**/*.ts', 'test/**/*.ts'],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            curly: 'error',
            eqeqeq: 'error',
            'no-throw-literal': 'error',
            'max-len': [
                'error',
                {
                    code: 140,
                    ignoreUrls: true,
                    ignoreStrings: true,
                    ignoreTemplateLiterals: true,
                    ignoreRegExpLiterals: true,
                    ignoreComments: false,
                },
            ],
            'no-nested-ternary': 'off',
            '@typescript-eslint/naming-convention': ['error', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/no-misused-promises': 'error',
            '@typescript-eslint/await-thenable': 'error',
        },
    },
    {
        files: ['src/**/*.ts'],
        rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
    },
    {
        // The one `ext` namespace of extension-wide values.
        files: ['src/extensionVariables.ts'],
        rules: { '@typescript-eslint/no-namespace': 'off' },
    },
    layer(
        ['src/model/**/*.ts'],
        ['vscode', '@azure/*', '@microsoft/*', '../*', '!../model/*', '!./*'],
        'src/model is pure: no VS Code, no Azure, no other layer.',
    ),
    layer(
        ['src/messages/**/*.ts'],
        ['@azure/*', '../azure/*', '../tree/*', '../commands/*'],
        'src/messages says problems in words: it uses only the model.',
    ),
    layer(['src/azure/**/*.ts'], ['../tree/*', '../commands/*', '../messages/*'], 'src/azure talks to Azure: it uses only the model.'),
    layer(['src/tree/**/*.ts'], ['../commands/*'], 'src/tree shows: it never reaches up to the commands.'),
    layer(
        ['test/emulator/**/*.ts'],
        ['**/src/*', '**/src/**'],
        'The emulator follows Azure, not the product: it imports nothing from src.',
    ),
);
