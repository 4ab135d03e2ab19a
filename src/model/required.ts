/**
 * A value an earlier step set, taken where the types cannot know it was (a wizard's answers, a parsed id): a missing
 * one is a fault in the product, said by its name, never a value made up.
 */
export function required<T>(value: T | null | undefined, what: string): T {
    if (value === undefined || value === null) {
        throw new Error(`Internal error: ${what} is missing.`);
    }
    return value;
}
