#!/usr/bin/env bash
# Installs the Debian packages the test suite needs: chromium (browser tests via Playwright), PostgreSQL
# (database tests run against both SQLite and a real PostgreSQL server) and poppler-utils (pdftoppm and pdftotext:
# the PDF test renders the first page to PNG and reads its text). Safe to run twice.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
