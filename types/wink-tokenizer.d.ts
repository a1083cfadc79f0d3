// wink-tokenizer ships no types; this covers the part of its API we use.
declare module "wink-tokenizer" {
  export interface WinkToken {
    value: string;
    tag: string;
  }
  export interface WinkTokenizer {
    tokenize(sentence: string): WinkToken[];
    defineConfig(config: Record<string, boolean>): number;
    getTokensFP(): string;
  }
  export default function tokenizer(): WinkTokenizer;
}
