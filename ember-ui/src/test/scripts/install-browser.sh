#!/bin/sh
# The browser tests drive Debian's chromium through its chromedriver: install both where missing
# (CI on a fresh machine). Needs root for apt-get; without it, the tests that need a browser are skipped.
set -e
if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-browser: not root, cannot install chromium and chromium-driver; browser tests will be skipped" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get here; browser tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver
