import { ALNUM_CHARS, charSet, inSet, type CharSet } from "./chars";
import { LiteralScanner } from "./anchors";
import type { Detector } from "./detectors";

/**
 * Provider tokens recognised by a literal prefix and a bounded body, after gitleaks' rule set
 * (gitleaks/gitleaks `config/gitleaks.toml`; each rule names the gitleaks rule id it follows). Found with one
 * `indexOf` pass per prefix, so the rules whose prefix is absent cost nothing. Weak prefixes (short or
 * word-like) need a non-alphanumeric character before them and an exact body length.
 */
export interface PrefixRule {
  kind: string;
  prefix: string;
  body: CharSet;
  min: number;
  max: number;
  /** Needs a left boundary and a body that ends exactly (short, word-like prefixes). */
  weak?: boolean;
  /** gitleaks rule id(s) this follows. */
  source: string;
}

const ALNUM = charSet(ALNUM_CHARS);
const HEX = charSet("0123456789abcdefABCDEF");
const HEX_LOWER = charSet("0123456789abcdef");
const B64URL = charSet(`${ALNUM_CHARS}_-`);
const B64URL_EQ = charSet(`${ALNUM_CHARS}_-=`);
const B64 = charSet(`${ALNUM_CHARS}+/=`);
const WORD_DOT = charSet(`${ALNUM_CHARS}_=.-`);
const UPPER_DIGIT = charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

const r = (
  kind: string,
  prefix: string,
  body: CharSet,
  min: number,
  max: number,
  source: string,
  weak = false,
) => ({ kind, prefix, body, min, max, source, weak }) satisfies PrefixRule;

export const PREFIX_RULES: readonly PrefixRule[] = [
  r("1password-token", "ops_eyJ", B64, 250, 4000, "GL 1password-service-account-token"),
  r(
    "1password-token",
    "A3-",
    charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"),
    30,
    40,
    "GL 1password-secret-key",
    true,
  ),
  r("adobe-client-secret", "p8e-", ALNUM, 32, 32, "GL adobe-client-secret", true),
  r("age-secret-key", "AGE-SECRET-KEY-1", UPPER_DIGIT, 58, 58, "GL age-secret-key"),
  r("alibaba-access-key-id", "LTAI", ALNUM, 20, 20, "GL alibaba-access-key-id", true),
  r("artifactory-token", "AKCp", ALNUM, 69, 69, "GL artifactory-api-key", true),
  r("atlassian-api-token", "ATATT3", B64URL_EQ, 150, 200, "GL atlassian-api-token"),
  r("clojars-api-token", "CLOJARS_", ALNUM, 60, 60, "GL clojars-api-token"),
  r("databricks-api-token", "dapi", HEX_LOWER, 32, 34, "GL databricks-api-token", true),
  r("digitalocean-token", "dop_v1_", HEX_LOWER, 64, 64, "GL digitalocean-pat"),
  r("digitalocean-token", "doo_v1_", HEX_LOWER, 64, 64, "GL digitalocean-access-token"),
  r("digitalocean-token", "dor_v1_", HEX_LOWER, 64, 64, "GL digitalocean-refresh-token"),
  r("doppler-api-token", "dp.pt.", ALNUM, 40, 50, "GL doppler-api-token"),
  r("duffel-api-token", "duffel_test_", B64URL_EQ, 40, 50, "GL duffel-api-token"),
  r("duffel-api-token", "duffel_live_", B64URL_EQ, 40, 50, "GL duffel-api-token"),
  r("dynatrace-api-token", "dt0c01.", WORD_DOT, 80, 100, "GL dynatrace-api-token"),
  r("easypost-api-token", "EZAK", ALNUM, 54, 54, "GL easypost-api-token"),
  r("easypost-api-token", "EZTK", ALNUM, 54, 54, "GL easypost-test-api-token"),
  r(
    "flutterwave-key",
    "FLWSECK_TEST-",
    charSet("abcdefghABCDEFGH0123456789-X"),
    12,
    40,
    "GL flutterwave-secret-key",
  ),
  r(
    "flutterwave-key",
    "FLWSECK-",
    charSet("abcdefghABCDEFGH0123456789-X"),
    12,
    40,
    "GL flutterwave-secret-key",
  ),
  r("flyio-access-token", "fo1_", B64URL, 43, 43, "GL flyio-access-token"),
  r("flyio-access-token", "fm1a_", B64, 100, 2000, "GL flyio-access-token"),
  r("flyio-access-token", "fm1r_", B64, 100, 2000, "GL flyio-access-token"),
  r("flyio-access-token", "fm2_", B64, 100, 2000, "GL flyio-access-token"),
  r("frameio-api-token", "fio-u-", B64URL_EQ, 64, 64, "GL frameio-api-token"),
  r("gitlab-token", "glpat-", WORD_DOT, 20, 300, "GL gitlab-pat, gitlab-pat-routable"),
  r("gitlab-token", "glptt-", HEX_LOWER, 40, 40, "GL gitlab-ptt"),
  r("gitlab-token", "gldt-", B64URL, 20, 40, "GL gitlab-deploy-token"),
  r("gitlab-token", "glft-", B64URL, 20, 40, "GL gitlab-feed-token"),
  r("gitlab-token", "glimt-", B64URL, 25, 40, "GL gitlab-incoming-mail-token"),
  r("gitlab-token", "glagent-", B64URL, 50, 60, "GL gitlab-kubernetes-agent-token"),
  r("gitlab-token", "gloas-", B64URL, 64, 64, "GL gitlab-oauth-app-secret"),
  r("gitlab-token", "glrt-", WORD_DOT, 20, 300, "GL gitlab-runner-authentication-token(-routable)"),
  r("gitlab-token", "glsoat-", B64URL, 20, 40, "GL gitlab-scim-token"),
  r("gitlab-token", "glcbt-", B64URL, 20, 40, "GL gitlab-cicd-job-token"),
  r("gitlab-token", "glffct-", B64URL, 20, 40, "GL gitlab-feature-flag-client-token"),
  r("gitlab-token", "GR1348941", B64URL, 20, 40, "GL gitlab-rrt"),
  r("grafana-token", "eyJrIjoi", B64, 70, 400, "GL grafana-api-key"),
  r("grafana-token", "glc_", B64, 32, 400, "GL grafana-cloud-api-token"),
  r("grafana-token", "glsa_", B64URL, 40, 41, "GL grafana-service-account-token"),
  r("heroku-api-key", "HRKU-AA", B64URL, 58, 58, "GL heroku-api-key-v2"),
  r("infracost-api-token", "ico-", ALNUM, 32, 32, "GL infracost-api-token", true),
  r("intra42-client-secret", "s-s4t2ud-", HEX, 64, 64, "GL intra42-client-secret"),
  r("intra42-client-secret", "s-s4t2af-", HEX, 64, 64, "GL intra42-client-secret"),
  r("linear-api-key", "lin_api_", ALNUM, 40, 40, "GL linear-api-key"),
  r(
    "mailgun-key",
    "key-",
    HEX_LOWER,
    32,
    32,
    "GL mailgun-private-api-token (without its 'mailgun' keyword)",
    true,
  ),
  r("mailgun-key", "pubkey-", HEX_LOWER, 32, 32, "GL mailgun-pub-key", true),
  r("newrelic-key", "NRAK-", UPPER_DIGIT, 27, 27, "GL new-relic-user-api-key"),
  r(
    "newrelic-key",
    "NRII-",
    charSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"),
    32,
    32,
    "GL new-relic-insert-key",
  ),
  r("newrelic-key", "NRJS-", HEX_LOWER, 19, 19, "GL new-relic-browser-api-token"),
  r("notion-api-token", "ntn_", ALNUM, 46, 46, "GL notion-api-token"),
  r("openshift-token", "sha256~", B64URL, 43, 43, "GL openshift-user-token"),
  r("planetscale-token", "pscale_tkn_", WORD_DOT, 32, 64, "GL planetscale-api-token"),
  r("planetscale-token", "pscale_oauth_", WORD_DOT, 32, 64, "GL planetscale-oauth-token"),
  r("planetscale-token", "pscale_pw_", WORD_DOT, 32, 64, "GL planetscale-password"),
  r("postman-api-token", "PMAK-", charSet("0123456789abcdefABCDEF-"), 59, 59, "GL postman-api-token"),
  r("prefect-api-token", "pnu_", ALNUM, 36, 36, "GL prefect-api-token"),
  r("pulumi-api-token", "pul-", HEX_LOWER, 40, 40, "GL pulumi-api-token", true),
  r("pypi-token", "pypi-AgEIcHlwaS5vcmc", B64URL, 50, 1000, "GL pypi-upload-token"),
  r("readme-api-token", "rdme_", ALNUM, 70, 70, "GL readme-api-token"),
  r("rubygems-api-token", "rubygems_", HEX_LOWER, 48, 48, "GL rubygems-api-token"),
  r("scalingo-api-token", "tk-us-", B64URL, 48, 48, "GL scalingo-api-token"),
  r(
    "sendinblue-api-token",
    "xkeysib-",
    charSet("0123456789abcdefABCDEFGHIJKLMNOPQRSTUVWXYZghijklmnopqrstuvwxyz-"),
    81,
    81,
    "GL sendinblue-api-token",
  ),
  r("sentry-token", "sntryu_", HEX_LOWER, 64, 64, "GL sentry-user-token"),
  r("sentry-token", "sntrys_", charSet(`${ALNUM_CHARS}+/=_`), 60, 600, "GL sentry-org-token"),
  r("settlemint-token", "sm_aat_", ALNUM, 16, 16, "GL settlemint-application-access-token"),
  r("settlemint-token", "sm_pat_", ALNUM, 16, 16, "GL settlemint-personal-access-token"),
  r("settlemint-token", "sm_sat_", ALNUM, 16, 16, "GL settlemint-service-access-token"),
  r("shippo-api-token", "shippo_live_", HEX, 40, 40, "GL shippo-api-token"),
  r("shippo-api-token", "shippo_test_", HEX, 40, 40, "GL shippo-api-token"),
  r("shopify-token", "shpat_", HEX, 32, 32, "GL shopify-access-token"),
  r("shopify-token", "shpca_", HEX, 32, 32, "GL shopify-custom-access-token"),
  r("shopify-token", "shppa_", HEX, 32, 32, "GL shopify-private-app-access-token"),
  r("shopify-token", "shpss_", HEX, 32, 32, "GL shopify-shared-secret"),
  r("sourcegraph-token", "sgp_", charSet(`${ALNUM_CHARS}_`), 40, 70, "GL sourcegraph-access-token"),
  r("square-token", "sq0atp-", B64URL, 22, 60, "GL square-access-token"),
  r("square-token", "sq0csp-", B64URL, 40, 60, "GL square-access-token (client secret form)"),
  r("twilio-api-key", "SK", HEX, 32, 32, "GL twilio-api-key", true),
  r("typeform-api-token", "tfp_", WORD_DOT, 59, 59, "GL typeform-api-token"),
  r("vault-token", "hvs.", B64URL, 90, 120, "GL vault-service-token"),
  r("vault-token", "hvb.", B64URL, 138, 300, "GL vault-batch-token"),
];

/** The kinds the prefix table adds, with the gitleaks rules behind each. */
export const PREFIX_KINDS: ReadonlyMap<string, string> = PREFIX_RULES.reduce((m, rule) => {
  const prev = m.get(rule.kind);
  m.set(
    rule.kind,
    prev === undefined ? rule.source : prev.includes(rule.source) ? prev : `${prev}; ${rule.source}`,
  );
  return m;
}, new Map<string, string>());

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const BY_PREFIX = new Map<string, PrefixRule[]>();
for (const rule of PREFIX_RULES) BY_PREFIX.set(rule.prefix, [...(BY_PREFIX.get(rule.prefix) ?? []), rule]);
const PREFIXES = new LiteralScanner(BY_PREFIX.keys());

/** Every token of the prefix table: one scan for all prefixes, then a bounded body run at each. */
export const prefixTokens: Detector = (text, emit) => {
  let covered = 0;
  PREFIXES.scan(text, (prefix, i) => {
    if (i < covered) return;
    for (const rule of BY_PREFIX.get(prefix) ?? []) {
      if (rule.weak && i > 0 && isAlnum(text.charCodeAt(i - 1))) continue;
      const bodyStart = i + rule.prefix.length;
      const limit = Math.min(text.length, bodyStart + rule.max);
      let e = bodyStart;
      while (e < limit && inSet(rule.body, text, e)) e++;
      const endsClean = !rule.weak || e >= text.length || !isAlnum(text.charCodeAt(e));
      if (e - bodyStart >= rule.min && endsClean) {
        emit(i, e, rule.kind);
        covered = e;
        return;
      }
    }
  });
};
