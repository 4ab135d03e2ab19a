/** A flag and its value; a value that could read as an option is joined to its flag, the one form the CLI's parser reads as a value. */
export function flag(name: string, value: string): string[] {
    return value.startsWith('-') ? [`${name}=${value}`] : [name, value];
}
