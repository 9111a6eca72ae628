// programming languages in which a bare value after `=` or `:` is an expression, not a literal (shell, Dockerfiles,
// .env, YAML and INI are not among them: their bare values are strings)
const SOURCE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'map', 'vue', 'svelte', 'coffee',
  'py', 'pyi', 'rb', 'php', 'java', 'kt', 'kts', 'scala', 'groovy', 'go', 'rs', 'c', 'h', 'cc', 'cpp', 'hpp',
  'cs', 'swift', 'm', 'mm', 'lua', 'pl', 'pm', 'dart', 'ex', 'exs', 'erl', 'hs', 'clj',
]);

/** Whether the path names a program source file (by extension). */
export function isSourceCodePath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && SOURCE_EXTENSIONS.has(base.slice(dot + 1).toLowerCase());
}
