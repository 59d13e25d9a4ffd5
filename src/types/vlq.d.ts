/**
 * The vlq package's own declarations (node_modules/vlq/types/index.d.ts), restated: the package
 * ships them but its package.json "exports" does not name them, so TypeScript cannot find them.
 * A `paths` mapping would, but tsx and esbuild follow `paths` at run time too, to the .d.ts.
 */
declare module "vlq" {
  export function decode(string: string): number[];
  export function encode(value: number | number[]): string;
}
