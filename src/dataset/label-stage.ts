// The labelling stage as the pipeline sees it: labels each article, feeds
// the rule statistics (Snorkel's LF summary) as it goes, and keeps only the
// labelled sentences the gold set asks about, so memory stays flat.
import { basename } from "node:path";
import { stat } from "node:fs/promises";
import {
  LfSummary,
  buildLabellerReport,
  labelArticle,
  loadGold,
  loadLexicons,
  makeGoldLookup,
  scoreAgainstGold,
  type GoldItem,
  type LabellerReport,
  type LabelledText,
  type Lexicons,
} from "../label/index.ts";
import type { Article, SentenceLabels } from "../schema.ts";

export interface LabelStageOptions {
  /** Lexicon folder; undefined = the project's data/lexicons/. */
  lexicons?: string;
  /** Gold folder or file; null = no gold scoring; undefined = the project's data/gold/ if present. */
  gold?: string | null;
}

export const DEFAULT_GOLD_DIR = new URL("../../data/gold/", import.meta.url).pathname;

const goldKey = (path: string, text: string) => `${basename(path.replace(/:.*$/, ""))}\u0000${text}`;

export class LabelStage {
  private readonly lf = new LfSummary();
  private readonly captured: LabelledText[] = [];
  private readonly wanted: Set<string>;

  private constructor(
    private readonly lex: Lexicons,
    private readonly gold: GoldItem[] | null,
  ) {
    this.wanted = new Set((gold ?? []).map((g) => goldKey(g.source, g.text)));
  }

  static async create(opts: LabelStageOptions): Promise<LabelStage> {
    const lex = await loadLexicons(opts.lexicons);
    let gold: GoldItem[] | null = null;
    if (opts.gold !== null) {
      const dir = opts.gold ?? DEFAULT_GOLD_DIR;
      const exists = await stat(dir).then(() => true, () => false);
      if (opts.gold !== undefined || exists) gold = await loadGold(dir);
    }
    return new LabelStage(lex, gold);
  }

  label(article: Article): SentenceLabels[] {
    const out = labelArticle(article, this.lex);
    for (let i = 0; i < out.length; i++) {
      const result = out[i]!;
      this.lf.add(result);
      const text = article.sentences[i]!.text;
      if (this.wanted.has(goldKey(article.source.path, text))) this.captured.push({ path: article.source.path, text, result });
    }
    return out.map((r) => r.labels);
  }

  report(): LabellerReport {
    const gold = this.gold ? scoreAgainstGold(this.gold, makeGoldLookup(this.captured, this.lex)) : null;
    return buildLabellerReport({ lf: this.lf, gold });
  }
}
