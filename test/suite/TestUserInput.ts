import type {
    AzExtInputBoxOptions,
    IAzureMessageOptions,
    IAzureQuickPickOptions,
    IAzureUserInput,
    PromptResult,
} from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';

/** An answer to the next question: a quick-pick label (or pattern), a typed value, a button title, several picks, or Esc. */
export type Answer = string | RegExp | typeof ESC | typeof DEFAULT | Meanwhile | PickMany;

/** Ticks, in a multi-select quick pick, every item the test names (by label, or by label and description). */
export class PickMany {
    constructor(readonly picks: (item: { label: string; description?: string }) => boolean) {}
}

/** Something that happens in Azure while the question is open (a colleague's change), then the answer. */
export class Meanwhile {
    constructor(
        readonly happen: () => Promise<unknown>,
        readonly answer: Exclude<Answer, Meanwhile>,
    ) {}
}

/** Presses Esc. */
export const ESC = Symbol('Esc');
/** Presses Enter: accepts what an input box offers, or a quick pick's first item. */
export const DEFAULT = Symbol('default');

/** What a person was shown: the test asserts on it. */
export interface ShownPrompt {
    readonly kind: 'quickPick' | 'inputBox' | 'message';
    /** Placeholder, prompt or message. */
    readonly text: string;
    readonly items?: readonly { label: string; description?: string; detail?: string }[];
    readonly detail?: string;
    readonly value?: string;
    /** The labels of a multi-select's items that opened ticked. */
    readonly picked?: readonly string[];
}

/** Thrown when an input box refused a value: its message is what the person saw inline. */
export class RejectedInput extends Error {
    constructor(
        readonly value: string,
        readonly validationMessage: string,
    ) {
        super(`Input "${value}" was refused: ${validationMessage}`);
    }
}

/**
 * Answers a wizard's questions from a list, as a person would, and records every question. Input boxes run
 * their own validation on the answer: a refused value ends the flow with RejectedInput.
 */
export class TestUserInput implements IAzureUserInput {
    readonly shown: ShownPrompt[] = [];
    readonly isTesting = true;
    isPrompting = false;
    private readonly finished = new vscode.EventEmitter<PromptResult>();
    readonly onDidFinishPrompt = this.finished.event;

    private readonly answers: Answer[];
    private readonly byStep: Map<string, Answer[]> | undefined;

    /**
     * The answers in the order the questions come, or by the name of the step that asks (each prompt has one:
     * `targetCluster`, `poolName`, `option-maxPods`, `confirmAdd`…), a list where a step asks more than once, so
     * that a question added to a flow leaves other tests' answers as they are.
     */
    constructor(answers: Answer[] | Readonly<Record<string, Answer | readonly Answer[]>>) {
        if (Array.isArray(answers)) {
            this.answers = answers;
        } else {
            this.answers = [];
            this.byStep = new Map(
                Object.entries(answers).map(([step, a]) => [step, Array.isArray(a) ? [...(a as Answer[])] : [a as Answer]]),
            );
        }
    }

    get unused(): number {
        return this.byStep ? [...this.byStep.values()].reduce((n, a) => n + a.length, 0) : this.answers.length;
    }

    private async next(stepName: string | undefined): Promise<Exclude<Answer, Meanwhile>> {
        const queue = this.byStep ? this.byStep.get(stepName ?? '') : this.answers;
        if (!queue?.length) {
            const question = JSON.stringify(this.shown[this.shown.length - 1]);
            throw new Error(
                this.byStep ? `No answer for step "${stepName ?? '(unnamed)'}": ${question}` : `No answer left for: ${question}`,
            );
        }
        let answer = queue.shift() as Answer;
        if (answer instanceof Meanwhile) {
            await answer.happen();
            answer = answer.answer;
        }
        if (answer === ESC) {
            throw Object.assign(new Error('Operation cancelled.'), { _isUserCancelledError: true });
        }
        return answer;
    }

    async showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Thenable<T[]>, options: IAzureQuickPickOptions): Promise<T & T[]> {
        const resolved = (await items).filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
        this.shown.push({
            kind: 'quickPick',
            text: options.placeHolder ?? '',
            items: resolved.map((i) => ({ label: i.label, description: i.description, detail: i.detail })),
            ...(options.canPickMany ? { picked: resolved.filter((i) => i.picked).map((i) => i.label) } : {}),
        });
        const answer = await this.next(options.stepName);
        if (answer instanceof PickMany) {
            if (!options.canPickMany) {
                throw new Error(`Several picks answered to a single-choice question: ${options.placeHolder ?? ''}`);
            }
            const picked = resolved.filter((i) => answer.picks(i));
            this.finished.fire({ value: picked } as PromptResult);
            return picked as T & T[];
        }
        // Enter on a quick pick takes its first item.
        const picked =
            answer === DEFAULT
                ? resolved[0]
                : resolved.find((i) =>
                      answer instanceof RegExp ? answer.test(i.label) : i.label === answer || i.label.endsWith(` ${String(answer)}`),
                  );
        if (!picked) {
            throw new Error(`No item "${String(answer)}" in: ${resolved.map((i) => i.label).join(', ')}`);
        }
        this.finished.fire({ value: picked } as PromptResult);
        return picked as T & T[];
    }

    async showInputBox(options: AzExtInputBoxOptions): Promise<string> {
        this.shown.push({ kind: 'inputBox', text: options.prompt ?? '', value: options.value });
        const answer = await this.next(options.stepName);
        const value = answer === DEFAULT ? (options.value ?? '') : String(answer);
        const message = (await options.validateInput?.(value)) ?? (await options.asyncValidationTask?.(value));
        const text = typeof message === 'string' ? message : message?.message;
        if (text) {
            throw new RejectedInput(value, text);
        }
        this.finished.fire({ value, matchesDefault: value === options.value } as PromptResult);
        return value;
    }

    async showWarningMessage<T extends vscode.MessageItem>(message: string, ...args: (IAzureMessageOptions | T)[]): Promise<T> {
        const options = typeof args[0] === 'object' && !('title' in args[0]) ? (args.shift() as IAzureMessageOptions) : undefined;
        const buttons = args as T[];
        this.shown.push({ kind: 'message', text: message, detail: options?.detail, items: buttons.map((b) => ({ label: b.title })) });
        const answer = await this.next(options?.stepName);
        const picked = buttons.find((b) => (answer instanceof RegExp ? answer.test(b.title) : b.title === answer));
        if (!picked) {
            throw new Error(`No button "${String(answer)}" in: ${buttons.map((b) => b.title).join(', ')}`);
        }
        return picked;
    }

    async showOpenDialog(): Promise<vscode.Uri[]> {
        throw new Error('Not asked by this product.');
    }

    async showWorkspaceFolderPick(): Promise<vscode.WorkspaceFolder> {
        throw new Error('Not asked by this product.');
    }

    /** The questions of one kind, in order. */
    ofKind(kind: ShownPrompt['kind']): ShownPrompt[] {
        return this.shown.filter((p) => p.kind === kind);
    }
}
