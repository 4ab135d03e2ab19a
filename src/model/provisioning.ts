const TERMINAL_STATES = ['succeeded', 'failed', 'canceled'];

/**
 * R10: AKS accepts writes only when the resource is not in the middle of an operation. A state the product
 * cannot read (missing, unknown) counts as busy: it fails closed.
 */
export function isTerminalState(provisioningState: string | undefined): boolean {
    return !!provisioningState && TERMINAL_STATES.includes(provisioningState.toLowerCase());
}
