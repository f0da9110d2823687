#!/usr/bin/env bash
# Vendors the NL Design System component CSS (the Utrecht component library, licence EUPL-1.2) into the web app's
# static files: one pinned version per package, checked against the npm registry's integrity hash, with its licence.
# Only the component CSS: the look (colours, fonts, spacing) comes from kotwijzer's own theme (static/thema.css),
# not from any government organisation's design tokens. Run it after changing a version below; commit the result.
#   bash scripts/vendor-nlds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PAKKETTEN=(
  "@utrecht/button-css@4.0.1"
  "@utrecht/link-css@3.0.1"
  "@utrecht/skip-link-css@3.0.1"
  "@utrecht/table-css@3.0.1"
  "@utrecht/alert-css@4.0.2"
  "@utrecht/form-field-css@3.0.1"
  "@utrecht/form-label-css@3.0.1"
  "@utrecht/form-fieldset-css@3.0.1"
  "@utrecht/form-field-description-css@3.0.1"
  "@utrecht/form-field-error-message-css@3.0.1"
  "@utrecht/textbox-css@4.0.1"
  "@utrecht/textarea-css@4.0.1"
  "@utrecht/select-css@3.0.1"
  "@utrecht/checkbox-css@3.0.1"
  "@utrecht/radio-button-css@3.0.1"
)
doel="src/kotwijzer/web/static/vendor/nlds"
werk="$(mktemp -d)"
trap 'rm -rf "$werk"' EXIT
rm -rf "$doel"
mkdir -p "$doel/licenties"
{
  echo "/* NL Design System component CSS, vendored by scripts/vendor-nlds.sh. Do not edit: change the script. */"
} > "$doel/nlds.css"
: > "$doel/VERSIES.txt"
for p in "${PAKKETTEN[@]}"; do
  naam="${p%@*}"
  kort="${naam#@utrecht/}"
  integriteit="$(npm view "$p" dist.integrity)"
  (cd "$werk" && npm pack "$p" --silent >/dev/null)
  tgz="$werk/$(echo "${naam#@}" | tr '/' '-')-${p##*@}.tgz"
  echo "$integriteit" | grep -q '^sha512-' || { echo "geen sha512-integriteit voor $p" >&2; exit 1; }
  echo "${integriteit#sha512-}" | base64 -d | od -An -tx1 | tr -d ' \n' > "$werk/verwacht"
  sha512sum "$tgz" | cut -d' ' -f1 | tr -d '\n' > "$werk/echt"
  cmp -s "$werk/verwacht" "$werk/echt" || { echo "integriteit klopt niet voor $p" >&2; exit 1; }
  mkdir -p "$werk/$kort"
  tar xzf "$tgz" -C "$werk/$kort"
  css="$werk/$kort/package/dist/index.min.css"
  [ -f "$css" ] || css="$werk/$kort/package/dist/index.css"
  { echo; echo "/* ---- $p (EUPL-1.2, see licenties/$kort.LICENSE.md) ---- */"; cat "$css"; } >> "$doel/nlds.css"
  cp "$werk/$kort/package/LICENSE.md" "$doel/licenties/$kort.LICENSE.md"
  echo "$p $integriteit" >> "$doel/VERSIES.txt"
done
echo "klaar: $doel ($(wc -c < "$doel/nlds.css") bytes)"
