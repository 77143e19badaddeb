#!/usr/bin/env bash
# Draws the app icon (a form with a tick on a blue tile) and writes the icon files the installers
# ship: infodesk.png (Linux, 256 px), infodesk.ico (Windows, 16 to 256 px) and, where png2icns
# (Debian's icnsutils) is present, infodesk.icns (macOS). Needs ImageMagick's `convert`.
# The outputs are committed; run this again only to change the icon.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 512x512 xc:none \
  -fill '#1f5fa8' -draw 'roundrectangle 16,16 495,495 88,88' \
  -fill white -draw 'roundrectangle 120,84 392,428 24,24' \
  -fill '#9db7d6' -draw 'rectangle 164,150 348,170' -draw 'rectangle 164,206 348,226' \
  -draw 'rectangle 164,262 300,282' \
  -fill none -stroke '#2e9d4f' -strokewidth 34 -draw 'polyline 196,346 244,392 336,300' \
  infodesk-512.png
convert infodesk-512.png -resize 256x256 infodesk.png
convert infodesk-512.png -define icon:auto-resize=256,128,64,48,32,16 infodesk.ico
if command -v png2icns >/dev/null; then
  convert infodesk-512.png -resize 128x128 /tmp/infodesk-128.png
  png2icns infodesk.icns infodesk-512.png infodesk.png /tmp/infodesk-128.png
fi
rm -f infodesk-512.png
