#!/usr/bin/env bash
# Installs the system packages that `make test` needs, when they are missing.
# Debian/Ubuntu: apt-get (with sudo when not root). Elsewhere: says what to
# install and stops.
set -euo pipefail

# package  command-or-file-that-shows-it-is-there
needs=(
  "nodejs node"
)

missing=()
for entry in "${needs[@]}"; do
  pkg=${entry%% *}
  probe=${entry#* }
  if [[ $probe == /* ]]; then
    [[ -e $probe ]] || missing+=("$pkg")
  else
    command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done

if ! command -v go >/dev/null 2>&1; then
  echo "Go is missing: install Go 1.26 or later from https://go.dev/dl/ and put it on PATH." >&2
  exit 1
fi

[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "make test needs these packages (Debian names): ${missing[*]}" >&2
  echo "Install them with your system's package manager, then run make test again." >&2
  exit 1
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "make test needs: ${missing[*]}; run as root or install sudo." >&2
    exit 1
  fi
  sudo=sudo
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
