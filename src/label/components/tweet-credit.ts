// Component "tweet_credit": an embedded tweet's text is what its author
// tweeted. The extract stage drops the signature line ("— Donald J. Trump
// (@realDonaldTrump) June 18, 2018") as chrome and hands the tweet's
// sentences on with `credit` (src/extract/cleaning/tweets.ts); here each such
// sentence is credited to the signed name with the cue "tweeted". Neither is
// in the sentence's text, so the record's evidence.actor and evidence.cue are
// null, its mention is the name as signed, and its content is the whole
// sentence (docs/claim-records.md section 3, "Embedded tweets"). It wins over
// the rules' findings inside the tweet: "Putin said …" in a tweet is what the
// tweet's author claims Putin said.
import type { Component } from "../component.ts";

/** A signed name that is an account of a body rather than a person ("CNN", "Fox News", "The White House"). */
const BODY = /^(?:The |the )|\b(?:News|Times|Post|Press|Party|Committee|Department|House|Office|Campaign|Network|Channel|Magazine|Journal|Daily|Media|TV|Radio|Agency|Ministry|Embassy|Council|Foundation|Institute|Association|Union|Group|Inc|Corp)\b|^[\p{Lu}\p{N}&.-]{2,6}$/u;

export const tweetCredit: Component = {
  name: "tweet_credit",
  adds: "the author of an embedded tweet (its signature line, dropped as chrome) as the actor of the tweet's sentences, cue 'tweeted'",
  article(doc) {
    doc.article.sentences.forEach((sentence, i) => {
      const c = sentence.credit;
      if (!c) return;
      doc.credited.set(i, { rule: "actor.tweet_signature", name: c.actor, type: BODY.test(c.actor) ? "organization" : "person", cue: c.cue });
    });
  },
};
