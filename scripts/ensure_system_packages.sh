#!/bin/sh
# Make sure system programs the build or the tests need are there: `COMMAND=DEBIAN_PACKAGE ...`, where
# COMMAND may also be a file's absolute path (an nginx module has no command). Installs a
# missing one with apt-get where that can run (root on Debian), else says in one line what
# to install.
set -eu
updated=""
for pair in "$@"; do
  command=${pair%%=*}
  package=${pair#*=}
  case "$command" in
    /*) [ -e "$command" ] && continue ;;
    *) command -v "$command" >/dev/null 2>&1 && continue ;;
  esac
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's $package (for $command)…"
    if [ -z "$updated" ]; then apt-get update -qq >/dev/null; updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
      || { echo "error: apt-get could not install $package; install it by hand: apt-get install $package" >&2; exit 1; }
  else
    echo "error: $command is missing; install Debian's $package package (sudo apt-get install $package)" >&2
    exit 1
  fi
done
