import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ESC, TestUserInput } from './TestUserInput';
import { EXTENSION_ID, runCommand, withFreshSeed } from './testApi';

interface WalkthroughStep {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly media: { readonly image: string; readonly altText: string };
    readonly completionEvents?: readonly string[];
}

/** The `[label](command:id?args)` buttons of a step's text, as VS Code renders them. */
function buttons(description: string): { label: string; command: string; args: unknown[] }[] {
    return [...description.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => ({
        label: m[1],
        command: m[2],
        args: m[3] ? (JSON.parse(decodeURIComponent(m[3])) as unknown[]) : [],
    }));
}

describe('The walkthrough: sign in, find a pool, snapshot it, use it, roll it out', () => {
    withFreshSeed();
    const extension = (): vscode.Extension<unknown> => vscode.extensions.getExtension(EXTENSION_ID)!;
    const nls = (language: string): Record<string, string> =>
        JSON.parse(
            fs.readFileSync(path.join(extension().extensionPath, `package.nls${language ? `.${language}` : ''}.json`), 'utf8'),
        ) as Record<string, string>;
    // The manifest as written (VS Code hands extensions the one with its strings already put in).
    const steps = (): WalkthroughStep[] =>
        (
            JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as {
                contributes: { walkthroughs: { steps: WalkthroughStep[] }[] };
            }
        ).contributes.walkthroughs[0].steps;
    const text = (value: string, strings: Record<string, string>): string => strings[value.replace(/^%|%$/g, '')] ?? value;

    it('has its five steps, each with a packaged picture, in English and Japanese with the same buttons', () => {
        assert.deepStrictEqual(
            steps().map((s) => s.id),
            ['signIn', 'findPool', 'createSnapshot', 'useSnapshot', 'rollOut'],
        );
        const [english, japanese] = [nls(''), nls('ja')];
        for (const step of steps()) {
            assert.ok(fs.existsSync(path.join(extension().extensionPath, step.media.image)), `${step.media.image} exists`);
            assert.ok(
                fs
                    .readFileSync(path.join(__dirname, '..', '..', '..', '.vscodeignore'), 'utf8')
                    .includes(`!${path.dirname(step.media.image)}/*${path.extname(step.media.image)}`),
                `${step.media.image} is packaged`,
            );
            for (const field of [step.title, step.description, step.media.altText]) {
                assert.ok(english[field.replace(/^%|%$/g, '')] && japanese[field.replace(/^%|%$/g, '')], `${field} in both languages`);
                assert.notStrictEqual(text(field, japanese), text(field, english), `${field} is translated`);
            }
            const inEnglish = buttons(text(step.description, english));
            assert.ok(inEnglish.length > 0, `the step "${step.id}" has a button`);
            assert.deepStrictEqual(
                buttons(text(step.description, japanese)).map((b) => [b.command, b.args]),
                inEnglish.map((b) => [b.command, b.args]),
            );
        }
    });

    it('each button runs its command (the flows open their first question; Esc ends them)', async () => {
        const ran: string[] = [];
        for (const step of steps()) {
            for (const button of buttons(text(step.description, nls('')))) {
                if (button.command.startsWith('aksSnapshots.')) {
                    // The product's own commands: a flow asks its first question, which Esc answers; others just run.
                    const ui = new TestUserInput([ESC]);
                    await runCommand(button.command, ui);
                    ran.push(`${button.command}${ui.shown.length ? ` (asked "${ui.shown[0].text}")` : ''}`);
                } else {
                    await vscode.commands.executeCommand(button.command, ...button.args);
                    ran.push(button.command);
                }
            }
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        assert.deepStrictEqual(
            ran.map((r) => r.split(' ')[0]),
            [
                'workbench.action.openSettings',
                'aksSnapshots.signIn',
                'aksSnapshots.selectSubscriptions',
                'workbench.view.extension.aksSnapshots',
                'aksSnapshots.createSnapshot',
                'aksSnapshots.addNodePool',
                'aksSnapshots.upgradeToSnapshot',
                'aksSnapshots.rollOutSnapshot',
            ],
        );
        for (const flow of ran.filter((r) => /^aksSnapshots\.(createSnapshot|addNodePool|upgradeToSnapshot|rollOutSnapshot)/.test(r))) {
            assert.match(flow, /\(asked /, `${flow.split(' ')[0]} opened its first question`);
        }
        console.log(ran.map((r) => `[suite]       ${r}`).join('\n'));
    });
});
