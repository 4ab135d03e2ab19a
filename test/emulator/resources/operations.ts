import { armError, Json } from '../http';
import type { RouteTable } from '../routes';
import { Context, finishOperation } from './context';

/**
 * Operation status (`Azure-AsyncOperation`) and result (`Location`) URLs of long operations. Each status poll
 * brings the operation one step nearer its end; the result URL answers 202 until then, and 200 with the
 * resource after (a 204 there breaks the SDK's poller).
 */
export function registerOperations(table: RouteTable, context: Context): void {
    const base = '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}';
    const find = (id: string) => {
        const operation = context.state().operations.get(id);
        if (!operation) {
            throw armError(404, 'NotFound', `Operation ${id} was not found.`);
        }
        return operation;
    };
    table.add('operations.status', 'GET', `${base}/operations/{operationId}`, (_request, params) => {
        const operation = find(params.operationId);
        if (operation.status === 'InProgress') {
            operation.pollsLeft--;
            if (operation.pollsLeft <= 0) {
                finishOperation(operation);
            }
        }
        const body: Json = { name: operation.id, status: operation.status, startTime: operation.startTime };
        if (operation.endTime) {
            body.endTime = operation.endTime;
        }
        if (operation.error) {
            body.error = operation.error;
        }
        const headers: Record<string, string> =
            operation.status === 'InProgress' ? { 'retry-after': String(context.knobs.retryAfterSeconds) } : {};
        return { status: 200, body, headers };
    });
    table.add('operations.result', 'GET', `${base}/operationresults/{operationId}`, (_request, params) => {
        const operation = find(params.operationId);
        if (operation.status === 'InProgress') {
            return { status: 202, headers: { 'retry-after': String(context.knobs.retryAfterSeconds) } };
        }
        if (operation.status !== 'Succeeded') {
            const error = operation.error ?? { code: 'OperationFailed', message: `The operation ended ${operation.status}.` };
            return { status: 200, body: { name: operation.id, status: operation.status, error } };
        }
        return { status: 200, body: operation.result() ?? {} };
    });
}
