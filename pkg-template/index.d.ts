/** An optional category of cookies the visitor is asked about. `necessary` is always on. */
export type Category = "analytics" | "functional" | "marketing";

/** A language the banner has: English, Japanese, or one the configuration adds (`L`). */
export type Lang<L extends string = never> = "en" | "ja" | L;

/** A text per language tag; one string serves every language. A language without its own uses the first given. */
export type Localized<L extends string = never> = string | Partial<Record<Lang<L>, string>>;

/** A recipient of data when its category is granted: one row of the 外部送信 disclosure. */
export interface Service<L extends string = never> {
  id: string;
  category: Category;
  recipient?: Localized<L>;
  data?: Localized<L>;
  purpose?: Localized<L>;
  /** http(s) or relative URL */
  optOutUrl?: string;
  /** http(s) or relative URL */
  policyUrl?: string;
}

/** Every text of the banner in one language: what a site gives, in full, for a language it adds (contract). */
export interface Catalogue {
  /** The language's own name, as the language switch shows it (`한국어`). */
  language: string;
  title: string;
  description: string;
  policyLink: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  save: string;
  reopen: string;
  dialogTitle: string;
  dialogDescription: string;
  close: string;
  alwaysOn: string;
  region: string;
  recipient: string;
  data: string;
  purpose: string;
  optOut: string;
  /** The 外部送信 table's column of opt-out and privacy links (`Opt-out and policy`). */
  links: string;
  servicePolicy: string;
  /** Joins a link's text and its recipient in the link's accessible name (`: `). */
  separator: string;
  necessary: string;
  necessaryText: string;
  analytics: string;
  analyticsText: string;
  functional: string;
  functionalText: string;
  marketing: string;
  marketingText: string;
}

/** Texts a site may replace in a built-in language; the others (button names) stay as they are. */
export type Texts = Partial<Pick<Catalogue, "title" | "description" | "policyLink" | "dialogTitle" | "dialogDescription" | "region">>;

/**
 * The configuration: the script tag's attributes in camelCase, plus categories, services and texts.
 * `L` names the languages it adds (`Config<"ko">`), each with a full `Catalogue` in `texts`.
 */
export interface Config<L extends string = never> {
  /** GA4 measurement id: `G-` followed by letters and digits. */
  gaId?: `G-${string}`;
  /** Privacy policy link shown in the banner (http, https or relative), or one per language. */
  policyUrl?: string | Partial<Record<Lang<L>, string>>;
  lang?: "auto" | Lang<L>;
  /** A decision made under another version is void and the banner asks again. */
  policyVersion?: string;
  /** Script to load instead of Google's gtag.js after analytics consent. */
  analyticsSrc?: string;
  /** Days a decision stays valid, 1–395 (default 180). */
  expiresDays?: number;
  gpc?: "respect" | "ignore";
  /** Keep the small reopen control after a decision (default true). */
  reopen?: boolean;
  /** `auto` follows the visitor's `prefers-color-scheme`; `light` or `dark` fixes it. Colours, font and radius come from CSS custom properties (`--consent-banner-accent`, …). */
  theme?: "auto" | "light" | "dark";
  /** `bar` (default) along the bottom; `box` a card in the bottom corner on wide screens. Phones get full width either way. */
  layout?: "bar" | "box";
  categories?: Array<Category | "necessary">;
  services?: Service<L>[];
  texts?: { en?: Texts; ja?: Texts } & { [K in L]: Catalogue };
  /** First-party cookies to delete when a category is withdrawn (`"_pk_*"`: any name with that prefix). GA's come with `gaId`. */
  cookies?: Partial<Record<Category, string[]>>;
}

/** What `get()` returns and what `change` listeners receive. */
export interface ConsentState {
  decided: boolean;
  /** Each category the banner asks about: `analytics` always, the others when configured. */
  categories: { analytics: boolean; functional?: boolean; marketing?: boolean };
  policyVersion: string;
  /** ISO 8601, or null before a decision. */
  decidedAt: string | null;
  /** A Global Privacy Control signal is on and respected. */
  gpc: boolean;
}

/** One problem with a configuration, as the banner logs it and `validate()` returns it. */
export interface Problem {
  level: "error" | "warn";
  /** A stable identifier, such as `invalid-value`, `wrong-type`, `unknown-key`. */
  code: string;
  /** The attribute (`data-ga-id`), the JSON path (`gaId`, `services[1].category`, `texts.en.title`) or the API member concerned. */
  key: string;
  /** The English console text. */
  message: string;
  /** The value as given, or the kind of value found instead; empty when there is none. */
  value: string;
  /** What the problem concerns beside the key (a service's id); empty when nothing. */
  subject: string;
}

/** Script-tag attributes, as `validate()` checks them beside a configuration: `{ "data-ga-id": "G-…" }`. */
export type Attributes = Partial<Record<"data-ga-id" | "data-policy-url" | "data-lang" | "data-policy-version" | "data-analytics-src" | "data-expires-days" | "data-gpc" | "data-reopen" | "data-theme" | "data-layout", string>>;

/** A site's colours, as `#rrggbb`, for `validate()` to hold to WCAG AA contrast in the banner. */
export interface Colours {
  /** `--consent-banner-accent` */
  accent?: string;
  /** `--consent-banner-background` (else the theme's) */
  background?: string;
}

/** The page's one banner. */
export interface ConsentBanner {
  /** The problems the banner would log for this configuration (and attributes, and colours); `[]` when none. */
  validate(config: unknown, attributes?: Attributes, colours?: Colours): Problem[];
  get(): ConsentState;
  acceptAll(): void;
  rejectAll(): void;
  /** Decide per category; categories left out keep their current value. */
  set(categories: Partial<Record<Category, boolean>>): void;
  /** Open the preferences dialog. */
  show(): void;
  /** Withdraw as a reject does, forget the decision, and ask again. */
  reset(): void;
  /** Call `listener` after every decision and reset; returns a function that unsubscribes. */
  on(event: "change", listener: (state: ConsentState) => void): () => void;
}

/**
 * Shows the banner (once per page) and resolves to it. Calling it again, or after the script-tag
 * loader has run, resolves to the same banner.
 */
export function mount<L extends string = never>(config?: Config<L>): Promise<ConsentBanner>;

/**
 * Checks a configuration (and, optionally, script-tag attributes) without mounting anything: loads
 * the module on first use and resolves to the problems the banner would log, `[]` when none.
 */
export function validate(config: unknown, attributes?: Attributes, colours?: Colours): Promise<Problem[]>;
