#!/usr/bin/env bash
# Renders the README's pictures (docs/*.png) from the real program: it drives
# ecslaunch in tmux against the in-process sandbox, captures each screen with
# its colours (capture-pane -e) and renders it with charmbracelet/freeze from
# the Go module proxy. Needs tmux. Run from anywhere: bash docs/shots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs
bin=$(mktemp -d)/ecslaunch
home=$(mktemp -d)
go build -o "$bin" .
freeze() { go run github.com/charmbracelet/freeze@v0.2.2 "$@"; }
sock=ecslaunch-shots-$$
t() { tmux -L "$sock" "$@"; }
trap 't kill-server 2>/dev/null || true' EXIT

key() { t send-keys -t shots "$@"; sleep "${PAUSE:-1.2}"; }
shot() { # shot NAME: the current screen as docs/NAME.png
  t capture-pane -e -p -t shots > "$home/$1.ansi"
  freeze "$home/$1.ansi" --language ansi --window --padding 20 --margin 0 -o "$out/$1.png" >/dev/null
  # freeze draws at 4x; pngquant (Debian package) makes the file ~10x smaller.
  if command -v pngquant >/dev/null; then pngquant --force --quality 60-85 --output "$out/$1.png" "$out/$1.png"; fi
  echo "wrote $out/$1.png"
}

t new-session -d -s shots -x 110 -y 32 \
  "cd $home && HOME=$home XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state $bin --sandbox; sleep 600"
sleep 3
shot start
key Enter                              # start from a new request
shot region
key Enter; key Enter; key Enter        # region, billing, zone: the defaults
key /; t send-keys -t shots -l "g7"; sleep 1.5
shot instance-types
key Escape; key Enter                  # the default type, then the image
shot images
key Enter
key Up; key Space                      # + Add a data disk
shot storage
key Enter; key Enter; key Enter; key Enter   # network, access, advanced
PAUSE=2.5 key d                         # DryRun
shot review
key l
shot launch-confirm
PAUSE=2 key y
shot launch-progress
sleep 5
shot launched
