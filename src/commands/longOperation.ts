import * as vscode from 'vscode';
import type { LongOperationOptions } from '../azure/AksService';

export interface LongOperationContext {
    /** Stands in for the notification's Cancel button (tests have no pointer). */
    readonly cancelWaiting?: vscode.CancellationToken;
}

export type LongOperationResult<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly notice: string };

/**
 * Runs a long Azure operation under a cancellable progress notification. Cancelling stops waiting only: the
 * operation goes on in Azure, and the person is told so.
 */
export async function runLongOperation<T>(context: LongOperationContext, title: string,
    run: (options: LongOperationOptions) => Promise<T>, onAccepted?: () => void): Promise<LongOperationResult<T>> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        const abort = new AbortController();
        const listeners = [token, context.cancelWaiting].filter((t): t is vscode.CancellationToken => !!t)
            .map((t) => t.onCancellationRequested(() => abort.abort()));
        try {
            const value = await run({
                abortSignal: abort.signal,
                onAccepted,
                onProgress: (status) => progress.report({ message: status === 'running' ? vscode.l10n.t('in progress…') : status }),
            });
            return { done: true, value };
        } catch (error) {
            if (abort.signal.aborted) {
                const notice = vscode.l10n.t('Stopped waiting: "{0}" goes on in Azure. Refresh the view to see its state.', title);
                void vscode.window.showInformationMessage(notice);
                return { done: false, notice };
            }
            throw error;
        } finally {
            listeners.forEach((l) => l.dispose());
        }
    });
}
