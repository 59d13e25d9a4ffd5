/**
 * The claimant line of a fact, in the card's language: who asserted it, how (their words, their
 * account, the outlet's own reporting or assessment) and through whom it reached the source.
 * Shared by the card and the source viewer, so a fact is attributed the same way in both.
 */
import type { CardAttribution, CardParty } from "../../core/entity-card.ts";
import { cardText, type CardLanguage } from "./card-strings.ts";

/** A claimant or intermediary by name: an entity's display name, or a group's own label. */
function partyName(party: CardParty, language: CardLanguage): string {
  return "group" in party ? party.group[language] : party.name[language];
}

/**
 * "According to Alexander Darchiev, as reported by TASS", «على لسان موسكو وواشنطن», "Reported
 * by Agencies". Each kind is worded so that it is true: only a direct quotation is said to be
 * someone's words, and the outlet's own lines name the outlet, never a claimant.
 */
export function attributionLine(attribution: CardAttribution, language: CardLanguage): string {
  const t = cardText(language);
  const claimants = t.list(attribution.claimants.map((p) => partyName(p, language)));
  const publisher = attribution.publisher[language];
  const line =
    attribution.kind === "quote"
      ? t.inTheWordsOf(claimants)
      : attribution.kind === "reported"
        ? t.accordingTo(claimants)
        : attribution.kind === "reporting"
          ? t.reportedBy(publisher)
          : t.assessmentOf(publisher);
  if (attribution.via === null) return line;
  const via = partyName(attribution.via, language);
  return line + (attribution.claimants.length > 0 ? t.via(via) : t.citing(via));
}
