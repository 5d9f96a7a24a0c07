/** The names a participant types to hide in a shared post draft: separated by commas or semicolons, each once. */
export function namesToHideFromInput(typed: string): string[] {
  const names = typed
    .split(/[,;\n]/)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length > 0)
    .map((name) => name.slice(0, 120));
  return [...new Set(names)].slice(0, 30);
}
