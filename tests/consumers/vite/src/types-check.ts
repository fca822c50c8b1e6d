// Compile-time checks of the package's types: each @ts-expect-error must meet an error, or tsc fails.
import { validate, type Config, type ConsentBanner, type Problem } from "consent-banner";

export const ok: Config = { gaId: "G-ABC123", lang: "ja", gpc: "ignore", reopen: false, categories: ["analytics", "marketing"], services: [{ id: "x", category: "functional", recipient: { ja: "株式会社" } }] };
// @ts-expect-error lang is "auto" | "en" | "ja"
export const badLang: Config = { lang: "fr" };
// @ts-expect-error expiresDays is a number
export const badDays: Config = { expiresDays: "30" };
// @ts-expect-error gpc is "respect" | "ignore"
export const badGpc: Config = { gpc: "maybe" };
// @ts-expect-error unknown key
export const badKey: Config = { gaID: "G-ABC" };
// @ts-expect-error a GA4 id starts with G-
export const badId: Config = { gaId: "UA-1234-1" };
// @ts-expect-error categories are analytics, functional, marketing (and necessary)
export const badCategory: Config = { categories: ["social"] };

export async function checked(): Promise<Problem[]> {
  const problems = await validate({ gaId: "UA-1" }, { "data-expires-days": "0" });
  // @ts-expect-error attributes are the script tag's data-* settings
  await validate({}, { "data-gaid": "G-X" });
  return problems.filter((p) => p.level === "error" && p.code.length > 0 && p.key.length > 0);
}

export function members(b: ConsentBanner): void {
  const problems: Problem[] = b.validate({ lang: "fr" });
  void problems;
  b.set({ analytics: true });
  const off: () => void = b.on("change", (s) => s.decidedAt?.slice(0));
  // analytics is always there: a boolean, not boolean | undefined.
  const analytics: boolean = b.get().categories.analytics;
  // @ts-expect-error the others are there only when configured
  const marketing: boolean = b.get().categories.marketing;
  void [analytics, marketing];
  off();
  // @ts-expect-error no such member
  b.acceptEverything();
  // @ts-expect-error on() knows only "change"
  b.on("decide", () => {});
  // @ts-expect-error set() takes booleans
  b.set({ analytics: "yes" });
}
