import * as vscode from 'vscode';
import type { LongOperationOptions } from '../../azure/AksService';
import type { AksServices } from '../../azure/AksServices';
import { AzureRequestError, LostAnswerError, OperationEndedError, ResourceChangedError } from '../../azure/azureErrors';
import { parseArmId } from '../../model/armId';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import type { RunningOperations } from './runningOperations';

/**
 * The one way the product changes Azure. Every write (the four flows, Delete, Edit Tags, Pin Cluster) goes through
 * `runGuardedChange`, which owns the whole policy of a change:
 * - one operation at a time per resource (a second start names the one running);
 * - the precondition: the service sends the eTag of the read the person confirmed, or, where Azure gives none, reads
 *   again just before sending and refuses a resource that is not as confirmed (`ResourceChangedError`); then the
 *   change's `reconfirm` reads again, checks the rules again and asks again, or the change stops;
 * - the write is sent once: a lost answer is read back and the person told what Azure shows, never sent again;
 * - a 429 before Azure took the change waits as Azure asks and starts over from the change's fresh read (Azure did
 *   nothing); a 429 after it took it is an answer lost, read back;
 * - progress with Cancel (which stops waiting only: the operation goes on in Azure);
 * - Azure's own `Failed` or `Canceled`, told apart from the person's cancel;
 * - the tree refreshed when Azure accepts the change and however it ends.
 * It returns one outcome type, each with its words (`notice`); `finishedOrTold` is how a flow reads it.
 */

export interface LongOperationContext {
    /** Stands in for the notification's Cancel button (tests have no pointer). */
    readonly cancelWaiting?: vscode.CancellationToken;
}

export interface GuardedChange<T> {
    /** What the notification says while it runs. */
    readonly title: string;
    /** The resource the change makes or changes (its ARM id): claimed, and read back when an answer is lost. */
    readonly resourceId: string;
    /** Sends the write once and waits for Azure to finish it. */
    readonly send: (options: LongOperationOptions) => Promise<T>;
    /**
     * The resource changed since the read the person confirmed, and nothing was sent: read it again, check the rules
     * again and ask again (resolve to send again), or stop (throw). Without it, the change stops with the error.
     */
    readonly reconfirm?: (changed: ResourceChangedError) => Promise<void>;
    /**
     * For a change that is one of many (a roll-out's pool): no notification of its own, no toast and no tree refresh;
     * the caller's signal stops waiting, and an error it must judge itself (the person's cancel) reaches it.
     */
    readonly quiet?: { readonly abortSignal: AbortSignal; readonly onAccepted?: () => void };
    /**
     * False for an abort: it acts on the operation running on the resource (maybe one this window started), so it
     * does not claim the resource as every other change does.
     */
    readonly claims?: boolean;
}

/** How a change ended. */
export type ChangeOutcome<T> =
    | { readonly kind: 'done'; readonly value: T }
    /** The person stopped waiting; the operation goes on in Azure. */
    | { readonly kind: 'stoppedWaiting'; readonly notice: string }
    /**
     * The answer was lost after sending; `notice` says what Azure shows now, `state` its provisioning state (undefined:
     * not there; '': not read). Nothing was sent again.
     */
    | { readonly kind: 'answerLost'; readonly notice: string; readonly state?: string }
    /** Azure ended the operation `Failed` or `Canceled`. */
    | { readonly kind: 'endedInAzure'; readonly error: OperationEndedError; readonly notice: string };

/** What a change needs of the extension: Azure, the operations running in this window, and the tree to refresh. */
export interface ChangeServices {
    readonly services: AksServices;
    readonly operations: RunningOperations;
    readonly tree: AksTreeDataProvider;
}

/** A 429 means Azure did not take the change: it is sent again after the wait Azure asks, at most this many times. */
const MAX_THROTTLED_TRIES = 10;

/** Azure asked to wait (429) and the person stopped waiting before the change was sent again: nothing was changed. */
export class ThrottledNotSentError extends Error {
    constructor(title: string) {
        super(vscode.l10n.t('"{0}" was not sent: Azure asked to wait (429) and you stopped waiting. Nothing was changed.', title));
        this.name = 'ThrottledNotSentError';
    }
}

export async function runGuardedChange<T>(
    deps: ChangeServices,
    context: LongOperationContext,
    change: GuardedChange<T>,
): Promise<ChangeOutcome<T>> {
    const subscriptionId = parseArmId(change.resourceId)?.subscriptionId ?? '';
    const claim = change.claims === false ? undefined : deps.operations.claim(change.resourceId, change.title);
    const send = patiently(change);
    try {
        for (;;) {
            try {
                const { quiet } = change;
                return quiet
                    ? { kind: 'done', value: await send({ abortSignal: quiet.abortSignal, onAccepted: quiet.onAccepted }) }
                    : await withProgress(context, change.title, send, () => void deps.tree.refreshSubscription(subscriptionId));
            } catch (error) {
                if (error instanceof ResourceChangedError && error.reason === 'changed' && change.reconfirm) {
                    await change.reconfirm(error);
                    continue;
                }
                if (error instanceof LostAnswerError || error instanceof AcceptedThenThrottled) {
                    return { kind: 'answerLost', ...(await readBack(deps.services, change.resourceId, change.title, !change.quiet)) };
                }
                if (error instanceof OperationEndedError) {
                    return { kind: 'endedInAzure', error, notice: endedMessage(error, change.title) };
                }
                throw error;
            }
        }
    } finally {
        claim?.dispose();
        // One of many (a roll-out) leaves the tree to its caller, which refreshes it once at the end.
        if (!change.quiet) {
            await deps.tree.refreshSubscription(subscriptionId);
        }
    }
}

/** Azure took the change, then answered its status polls 429 past the pipeline's retries: what it did is read back. */
class AcceptedThenThrottled extends Error {}

/**
 * The change's send, again after each 429 that came before Azure took it (it did nothing): after the wait Azure
 * asks, longer each time and spread out (pools of a roll-out waiting together do not all come back at once).
 */
function patiently<T>(change: GuardedChange<T>): (options: LongOperationOptions) => Promise<T> {
    return async (options) => {
        for (let attempt = 1; ; attempt++) {
            let accepted = false;
            try {
                return await change.send({
                    ...options,
                    onAccepted: () => {
                        accepted = true;
                        options.onAccepted?.();
                    },
                });
            } catch (error) {
                const throttled = (error as { statusCode?: number }).statusCode === 429;
                if (!throttled || options.abortSignal?.aborted) {
                    throw error;
                }
                if (accepted) {
                    throw new AcceptedThenThrottled();
                }
                if (attempt >= MAX_THROTTLED_TRIES) {
                    throw error;
                }
                const waitMs = Math.min((error as AzureRequestError).retryAfterMs ?? 10_000, 120_000) * attempt + Math.random() * 1000;
                options.onProgress?.(vscode.l10n.t('Azure asks to wait (429): sending again in {0} s', Math.ceil(waitMs / 1000)));
                await sleep(waitMs, options.abortSignal);
                if (options.abortSignal?.aborted) {
                    throw new ThrottledNotSentError(change.title);
                }
            }
        }
    };
}

/** Waits `ms`, or less when `signal` aborts (the caller looks at the signal). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
        if (signal?.aborted) {
            resolve();
            return;
        }
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener(
            'abort',
            () => {
                clearTimeout(timer);
                resolve();
            },
            { once: true },
        );
    });
}

/**
 * How the change is kept to what the person confirmed, for the confirmation: the eTag of this read sent as `If-Match`
 * where the operation takes it and the read carried one (a pool or cluster PUT); else a read again just before
 * sending (the node image upgrade, a snapshot: Azure's REST spec gives them no condition).
 */
export function guardLine(name: string, eTag: string | undefined, takesCondition: boolean): string {
    return eTag && takesCondition
        ? vscode.l10n.t('Guard: sent with the eTag of this read (If-Match), so Azure refuses it if "{0}" changed meanwhile.', name)
        : vscode.l10n.t(
              'Guard: Azure offers no eTag condition here, so "{0}" is read again just before sending; if anything shown here changed, nothing is sent and you are asked again.',
              name,
          );
}

/** A flow's reading of an outcome: Azure's Failed or Canceled ends the flow as an error; the rest is told. */
export function finishedOrTold<T>(outcome: ChangeOutcome<T>): { finished: boolean; notice?: string; value?: T } {
    if (outcome.kind === 'endedInAzure') {
        throw new Error(outcome.notice);
    }
    // Done says nothing here: the flow says what it made.
    return outcome.kind === 'done' ? { finished: true, value: outcome.value } : { finished: false, notice: outcome.notice };
}

/**
 * Runs the change under a cancellable progress notification. Cancelling stops waiting only: the operation goes on
 * in Azure, and the person is told so.
 */
async function withProgress<T>(
    context: LongOperationContext,
    title: string,
    run: (options: LongOperationOptions) => Promise<T>,
    onAccepted: () => void,
): Promise<ChangeOutcome<T>> {
    return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (progress, token) => {
            const abort = new AbortController();
            const listeners = [token, context.cancelWaiting]
                .filter((t): t is vscode.CancellationToken => !!t)
                .map((t) => t.onCancellationRequested(() => abort.abort()));
            try {
                const value = await run({
                    abortSignal: abort.signal,
                    onAccepted,
                    onProgress: (status) => progress.report({ message: status === 'running' ? vscode.l10n.t('in progress…') : status }),
                });
                return { kind: 'done', value };
            } catch (error) {
                if (abort.signal.aborted && !(error instanceof ThrottledNotSentError)) {
                    const notice = vscode.l10n.t('Stopped waiting: "{0}" goes on in Azure. Refresh the view to see its state.', title);
                    void vscode.window.showInformationMessage(notice);
                    return { kind: 'stoppedWaiting', notice };
                }
                throw error;
            } finally {
                listeners.forEach((l) => l.dispose());
            }
        },
    );
}

/** Azure's own end of an operation, told apart from the person's cancel. */
function endedMessage(error: OperationEndedError, title: string): string {
    return error.status === 'Canceled'
        ? vscode.l10n.t(
              '"{0}" was canceled in Azure (by an abort, by AKS or by another client): {1} The view shows its state now.',
              title,
              error.message,
          )
        : vscode.l10n.t('"{0}" failed in Azure: {1} ({2}). The view shows its state now.', title, error.message, error.code ?? 'Failed');
}

/**
 * After an answer was lost, reads the resource and says what Azure shows now: not there (nothing was done),
 * in the middle of an operation (it goes on), or at rest (with its state). Nothing is sent again.
 */
async function readBack(services: AksServices, id: string, title: string, toast: boolean): Promise<{ notice: string; state?: string }> {
    const parsed = parseArmId(id);
    const name = parsed?.agentPool ?? parsed?.name ?? id;
    let message: string;
    let state: string | undefined = '';
    try {
        const service = await services.forSubscription(parsed?.subscriptionId ?? '');
        const json = await service.getResourceJson(id);
        // A snapshot has no provisioning state: made, changed and deleted synchronously, it is at rest once read.
        state = String(
            ((json.properties ?? {}) as Record<string, unknown>).provisioningState ?? (/\/snapshots\//i.test(id) ? 'Succeeded' : ''),
        );
        message = ['Succeeded', 'Failed', 'Canceled'].includes(state)
            ? vscode.l10n.t(
                  'The answer to "{0}" was lost. Azure now shows "{1}" as {2}; check it in the view before trying again.',
                  title,
                  name,
                  state,
              )
            : vscode.l10n.t(
                  'The answer to "{0}" was lost, but Azure shows "{1}" as {2}: the operation goes on in Azure. The view shows it as it goes.',
                  title,
                  name,
                  state || '?',
              );
    } catch (error) {
        const gone = (error as { statusCode?: number }).statusCode === 404;
        state = gone ? undefined : '';
        message = gone
            ? vscode.l10n.t('The answer to "{0}" was lost, and Azure shows no "{1}": nothing was done. You can try again.', title, name)
            : vscode.l10n.t(
                  'The answer to "{0}" was lost and "{1}" could not be read back ({2}); refresh the view to see what Azure shows.',
                  title,
                  name,
                  (error as Error).message,
              );
    }
    if (toast) {
        void vscode.window.showWarningMessage(message);
    }
    return { notice: message, state };
}
