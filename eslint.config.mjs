import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['dist/**', 'out/**', '.vscode-test/**', '.test-output/**', 'node_modules/**'] },
    ...tseslint.configs.recommended,
    {
        files: ['src/**/*.ts', 'test/**/*.ts'],
        rules: {
            'curly': 'warn',
            'eqeqeq': 'warn',
            'no-throw-literal': 'warn',
            '@typescript-eslint/naming-convention': ['warn', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
            '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_' }],
        },
    },
    {
        // The one `ext` namespace of extension-wide values (DESIGN.md §6).
        files: ['src/extensionVariables.ts'],
        rules: { '@typescript-eslint/no-namespace': 'off' },
    },
    {
        // The extension never reaches Azure except through src/azure.
        files: ['src/model/**/*.ts'],
        rules: {
            'no-restricted-imports': ['warn', { patterns: ['vscode', '@azure/*', '@microsoft/*', '../azure/*', '../tree/*', '../commands/*'] }],
        },
    },
);
