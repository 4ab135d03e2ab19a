import * as vscode from 'vscode';

/**
 * One operation at a time per cluster or pool in this window: a second start, from another flow or a second
 * click, is refused and names the one running. A cluster and its pools count as one place (AKS itself refuses a
 * change to either while the other changes).
 */
export class RunningOperations {
    private readonly running = new Map<string, string>();

    /** Claims a resource for an operation, or throws naming the operation that holds it. */
    claim(resourceId: string, title: string): vscode.Disposable {
        const key = resourceId.toLowerCase();
        for (const [held, heldTitle] of this.running) {
            if (held === key || held.startsWith(`${key}/`) || key.startsWith(`${held}/`)) {
                throw new BusyError(vscode.l10n.t('"{0}" is still running in this window; start this once it ends.', heldTitle));
            }
        }
        this.running.set(key, title);
        return new vscode.Disposable(() => this.running.delete(key));
    }

    /** What runs now (the titles), for the tests. */
    titles(): string[] {
        return [...this.running.values()];
    }
}

/** A change refused because another one runs on the same cluster or pool in this window. */
export class BusyError extends Error {
    readonly code = 'Busy';
}
