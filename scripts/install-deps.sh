#!/usr/bin/env bash
# Installs cscwatch's build, test and run dependencies from Debian's packages
# (Debian 12). Uses sudo when not run as root. (libgumbo-dev and the other
# image and font libraries are there because Debian's MuPDF is a static
# library that links them.)
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  build-essential cmake ninja-build pkg-config git ca-certificates \
  libmupdf-dev libmujs-dev libgumbo-dev libopenjp2-7-dev libjbig2dec0-dev libjpeg-dev zlib1g-dev \
  libfreetype-dev libharfbuzz-dev libbrotli-dev libpng-dev \
  libsqlite3-dev sqlite3 libargon2-dev libssl-dev libcurl4-openssl-dev libcli11-dev libfmt-dev libspdlog-dev nlohmann-json3-dev libcpp-httplib-dev libboost1.74-dev libxlsxwriter-dev \
  libgtest-dev libgmock-dev clang libclang-rt-14-dev \
  qpdf poppler-utils mupdf-tools wrk time curl \
  libxml2-utils python3-feedparser trang \
  "$@"
