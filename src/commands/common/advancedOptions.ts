import { IActionContext, IAzureQuickPickItem, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Parsed } from '../../model/poolOptions';
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
