// spdx-expression-parse (a peer of @cyclonedx/cyclonedx-library) ships no types; only its throwing parse is used.
declare module 'spdx-expression-parse' {
  function parse(expression: string): unknown;
  export = parse;
}
