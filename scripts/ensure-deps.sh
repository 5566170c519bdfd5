#!/usr/bin/env bash
# Installs the system packages that `make test` needs, when they are missing:
# Xvfb and Mesa for the graphics tests (Ebitengine loads X11 and OpenGL at
# run time), Chromium for the browser test, Node.js and npm for the wasm
# tests and Playwright, qemu-user for the arm64 determinism test, and
# tesseract (with its English data) for the browser test that reads the
# page by OCR, and Debian's Python packages for the Python package, its
# wheels and the notebooks, and python3-protobuf for the check that MLflow's
# JSON parser reads what descent run sends (no other package index is needed). Debian/Ubuntu: apt-get (with sudo when not root).
# Elsewhere: says what to install and stops.
set -euo pipefail

libs=(xvfb xauth libgl1 libglx0 libglx-mesa0 libgl1-mesa-dri libx11-6 libxrandr2 libxi6
      libxcursor1 libxinerama1 libxxf86vm1 chromium
      python3 python3-venv python3-pip-whl python3-setuptools python3-wheel python3-build
      python3-numpy python3-pandas python3-matplotlib python3-nbformat python3-nbclient
      python3-ipykernel python3-protobuf)
commands=("node nodejs" "npm npm" "qemu-aarch64 qemu-user" "tesseract tesseract-ocr")

if ! command -v go >/dev/null 2>&1; then
  echo "Go is missing: install Go 1.26 or later from https://go.dev/dl/ and put it on PATH." >&2
  exit 1
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${libs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
else
  missing+=("${libs[@]}")
fi
for entry in "${commands[@]}"; do
  command -v "${entry%% *}" >/dev/null 2>&1 || missing+=("${entry#* }")
done

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
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
