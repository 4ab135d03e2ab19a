import { IActionContext, IAzureQuickPickItem, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Asked, Parsed } from '../../model/poolOptions';
import { OptionWords, optionShown, ZonesAsked } from '../../messages/optionWords';
import { describeProblem } from '../../messages/describeProblem';

/** One setting under "Advanced options…": what it is now, and how to ask for it. */
export interface AdvancedOption<C> {
    readonly label: string;
    /** The value now, as the person reads it; undefined while AKS's default applies. */
    value(context: C): string | undefined;
    /** Asks for a new value and keeps it; an empty answer goes back to AKS's default. */
    ask(context: C): Promise<void>;
}

/** Esc or Back: in a sub-question, it goes back to where the question came from, every value kept. */
function isBackOut(error: unknown): boolean {
    const parsed = parseError(error);
    return parsed.isUserCancelledError || parsed.errorType === 'GoBackError';
}

/**
 * The settings a flow offers beyond its short path, one at a time from a list that shows each value, until
 * "Done". Esc or Back in a question returns to the list; in the list, to the summary: nothing set is lost.
 */
export async function editAdvancedOptions<C extends IActionContext>(
    context: C,
    placeHolder: string,
    options: readonly AdvancedOption<C>[],
): Promise<void> {
    const done = Symbol('done');
    for (;;) {
        const picks: IAzureQuickPickItem<AdvancedOption<C> | typeof done>[] = [
            { label: vscode.l10n.t('$(check) Done'), description: vscode.l10n.t('back to the summary'), data: done },
            ...options.map((o) => ({ label: o.label, description: o.value(context) ?? vscode.l10n.t('AKS default'), data: o })),
        ];
        let picked: AdvancedOption<C> | typeof done;
        try {
            picked = (await context.ui.showQuickPick(picks, { placeHolder, stepName: 'advancedOptions', suppressPersistence: true })).data;
        } catch (error) {
            if (isBackOut(error)) {
                return;
            }
            throw error;
        }
        if (picked === done) {
            return;
        }
        try {
            await picked.ask(context);
        } catch (error) {
            if (!isBackOut(error)) {
                throw error;
            }
        }
    }
}

/** A setting typed in a box, checked as typed (field, value, rule); empty restores AKS's default. */
export function typedOption<C extends IActionContext, T>(
    label: string,
    prompt: string,
    placeHolder: string,
    get: (context: C) => T | undefined,
    show: (value: T) => string,
    parse: (text: string, context: C) => Parsed<T>,
    set: (context: C, value: T | undefined) => void,
    /** The step's name, by which answers are given in tests: the option's id. */
    id: string = label,
): AdvancedOption<C> {
    return {
        label,
        value: (context) => {
            const value = get(context);
            return value === undefined ? undefined : show(value);
        },
        ask: async (context) => {
            const current = get(context);
            const text = await context.ui.showInputBox({
                prompt,
                placeHolder,
                value: current === undefined ? '' : show(current),
                stepName: `option-${id}`,
                validateInput: (v) => {
                    if (!v.trim()) {
                        return undefined;
                    }
                    const parsed = parse(v, context);
                    return 'problem' in parsed ? describeProblem(parsed.problem) : undefined;
                },
            });
            const parsed = text.trim() ? parse(text, context) : undefined;
            set(context, parsed && 'value' in parsed ? parsed.value : undefined);
        },
    };
}

/** A setting chosen from a list; the first choice is AKS's default. */
export function pickedOption<C extends IActionContext, T extends string>(
    label: string,
    placeHolder: string,
    choices: readonly { value: T | undefined; label: string; description?: string }[],
    get: (context: C) => T | undefined,
    set: (context: C, value: T | undefined) => void,
    id: string = label,
): AdvancedOption<C> {
    return {
        label,
        value: (context) => choices.find((c) => c.value !== undefined && c.value === get(context))?.label,
        ask: async (context) => {
            const picked = await context.ui.showQuickPick(
                choices.map((c) => ({ label: c.label, description: c.description, data: c.value })),
                { placeHolder, stepName: `option-${id}`, suppressPersistence: true },
            );
            set(context, picked.data);
        },
    };
}

/** How a flow reaches one declared option: its value in the flow's answers, and what its check and question know. */
export interface OptionAccess<C, F> {
    get(context: C): unknown;
    set(context: C, value: unknown): void;
    facts(context: C): F & ZonesAsked;
}

/**
 * A declared option (src/model/poolOptions.ts) under "Advanced options…", asked as its descriptor says, in its
 * words: typed and checked as typed, picked from its choices after the one that leaves it unset, or by its flow's own
 * questions.
 */
export function declaredOption<C extends IActionContext, F>(
    descriptor: { readonly id: string; readonly asked: Asked<F, unknown>; show(value: unknown): string },
    words: OptionWords,
    access: OptionAccess<C, F>,
    ownQuestions: Readonly<Record<string, (context: C) => Promise<void>>>,
): AdvancedOption<C> {
    const asked = descriptor.asked;
    const shown = (context: C): string | undefined => {
        const value = access.get(context);
        return value === undefined ? undefined : optionShown(descriptor as Parameters<typeof optionShown>[0], value, words);
    };
    switch (asked.kind) {
        case 'typed':
            return {
                label: words.label,
                value: shown,
                // The question reads the resource as it is when asked (its size's zones, its mode and count).
                ask: (context) =>
                    typedOption<C, unknown>(
                        words.label,
                        words.prompt?.(access.facts(context)) ?? words.label,
                        words.placeHolder ?? '',
                        access.get,
                        (value) => descriptor.show(value),
                        (text, c) => asked.parse(text, access.facts(c)),
                        access.set,
                        descriptor.id,
                    ).ask(context),
            };
        case 'picked':
            return pickedOption<C, string>(
                words.label,
                words.question ?? words.label,
                [
                    { value: undefined, ...(words.unset ?? { label: vscode.l10n.t('AKS default') }) },
                    ...asked.choices.map((choice) => ({
                        value: String(choice),
                        ...(words.choices?.[String(choice)] ?? { label: String(choice) }),
                    })),
                ],
                (context) => access.get(context) as string | undefined,
                access.set,
                descriptor.id,
            );
        case 'own':
            return {
                label: words.label,
                value: shown,
                ask: ownQuestions[descriptor.id] ?? (() => Promise.reject(new Error(`No question for option ${descriptor.id}`))),
            };
    }
}
