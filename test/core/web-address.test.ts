/**
 * The web-address rule on its own: a name at [start, end) is part of a web or e-mail address when
 * a top-level domain follows it or a host or mailbox precedes it. The matcher's tests check the
 * rule in place; these pin its edges.
 */
import { expect, test } from "vitest";
import { isInWebAddress } from "../../src/core/web-address.ts";
import { bracketed } from "./bracketed.ts";

test.each<[string, string, boolean]>([
  ["a domain after the name", "visit [USA].gov for more", true],
  ["a domain at the end of the text", "visit [USA].gov", true],
  ["a two-letter country domain", "see [Moscow].ru now", true],
  ["a domain in another script", "visit [Moscow].рф today", true],
  ["a domain followed by a path", "[Moscow].info/news", true],
  ["a host before the name", "www.[Moscow] today", true],
  ["a mailbox before the name", "desk@[Washington] today", true],
  ["a digit before the dot of a host", "web2.[Moscow] today", true],
  ["a host at the very start of the text", "a.[Moscow] today", true],
  ["a full stop ending a sentence", "in [Moscow]. Then", false],
  ["a full stop at the end of the text", "in [Moscow].", false],
  ["one lower-case letter after the dot is no domain", "in [Moscow].a", false],
  ["a capital after the dot is a new sentence", "in [Moscow].The talks", false],
  ["a word glued to a capital is no domain", "in [Moscow].theN", false],
  ["a digit right after the letters is no domain", "in [Moscow].ab1", false],
  ["an underscore right after the letters is no domain", "in [Moscow].ab_c", false],
  ["an ellipsis before the name is no host", "and...[Moscow] said", false],
  ["a handle's @ after a space is no mailbox", "follow @[Moscow] now", false],
  ["an @ at the start of the text is no mailbox", "@[Moscow] said", false],
  ["no dot or @ either side", "in [Moscow] today", false],
  ["a hyphen before the name", "pro-[Moscow] groups", false],
])("%s: %s", (_case, marked, expected) => {
  expect(isInWebAddress(...bracketed(marked))).toBe(expected);
});
