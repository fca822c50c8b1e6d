// Compile-time checks of the package's types: each @ts-expect-error must meet an error, or tsc fails.
import { validate, type Catalogue, type Config, type ConsentBanner, type Problem } from "consent-banner";

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

const ko: Catalogue = {
  language: "한국어", title: "쿠키", description: "분석 쿠키", policyLink: "개인정보 처리방침", acceptAll: "모두 동의", rejectAll: "모두 거부",
  settings: "설정", save: "설정 저장", reopen: "쿠키 설정", dialogTitle: "쿠키 설정", dialogDescription: "선택하세요.", close: "닫기",
  alwaysOn: "항상 사용", region: "쿠키 동의", recipient: "수신자", data: "전송되는 정보", purpose: "이용 목적", optOut: "거부", links: "거부 및 정책",
  servicePolicy: "개인정보 처리방침", separator: ": ", necessary: "필수", necessaryText: "필요합니다.", analytics: "분석",
  analyticsText: "분석합니다.", functional: "기능", functionalText: "기억합니다.", marketing: "광고", marketingText: "광고합니다.",
};
// A language the site adds: named in lang, a full catalogue in texts, a URL and service texts of its own.
export const korean: Config<"ko"> = { lang: "ko", policyUrl: { ja: "/privacy/", ko: "/ko/privacy/" }, texts: { ko }, services: [{ id: "s", category: "analytics", recipient: { ko: "회사" } }] };
// @ts-expect-error an added language gives every text
export const partial: Config<"ko"> = { texts: { ko: { language: "한국어" } } };
// @ts-expect-error a built-in language's button names are not replaceable
export const buttons: Config = { texts: { en: { acceptAll: "OK" } } };

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
