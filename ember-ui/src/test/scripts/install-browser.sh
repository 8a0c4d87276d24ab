#!/bin/sh
# The browser tests drive Debian's chromium through its chromedriver: install both where missing
# (CI on a fresh machine). Needs root for apt-get; without it the build stops and says what to install.
set -e
if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-browser: the UI tests need chromium and chromium-driver: run 'sudo apt-get install chromium chromium-driver'" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: the UI tests need chromium and chromedriver at /usr/bin (Debian's chromium and chromium-driver packages)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver
