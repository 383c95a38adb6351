#!/usr/bin/env bash
# Captures the real app's screens as text for the README: drives the release binary in tmux
# (private socket, 80x24) with keystrokes, as a person would, saves each screen to assets/,
# and refreshes the README's blocks marked <!-- capture: NAME --> ... <!-- /capture -->.
# Usage: assets/capture.sh   (needs tmux; builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/computepick"
sock="computepick-capture-$$"
t() { tmux -L "$sock" "$@"; }
trap 't kill-server 2>/dev/null || true' EXIT

wait_for() {  # wait until the screen shows $1 (max 5 s)
  for _ in $(seq 50); do
    t capture-pane -p | grep -q -- "$1" && return 0
    sleep 0.1
  done
  echo "capture.sh: never saw '$1'" >&2; t capture-pane -p >&2; exit 1
}
save() { t capture-pane -p > "assets/$1.txt"; echo "wrote assets/$1.txt"; }

# No personal config (theme, data file) may leak into the captures.
# A fixed today, so the prices on the Cost tab are never marked stale in the captures (the
# screen tests draw without a date).
t new-session -d -x 80 -y 24 "env -u NO_COLOR COMPUTEPICK_CONFIG= COMPUTEPICK_TODAY=2026-12-02 TERM=xterm-256color $bin"
wait_for "What are you running?"
t send-keys 3
wait_for "How long does ONE request"
save question
# per request, stateless, code, no special needs (Enter on the checklist), no servers, scale to
# zero, commit
for k in 1 1 1 1 Enter 1 1 3; do t send-keys "$k"; sleep 0.05; done
wait_for "Recommended:"
save result
t send-keys '?'
wait_for "Keys"
save help
t send-keys Escape
t send-keys c
wait_for "rows differ"
save compare
t send-keys /
wait_for "Search · Enter opens"
t send-keys -l "spot instnace"
wait_for "/ spot instnace"
save search
t send-keys Enter
wait_for "Details · Esc to close"
save detail
t send-keys Escape Escape
t send-keys M-4
wait_for "Monthly estimate"
save cost
t send-keys Escape q y

# The README shows the captures as they are: replace each marked block with its file.
perl -0pi -e '
  sub capture { local $/; open my $f, "<", "assets/$_[0].txt" or die "assets/$_[0].txt: $!";
                my $t = <$f>; $t =~ s/\n*\z/\n/; $t }
  s{(<!-- capture: (\w+) -->\n)```text\n.*?```\n(<!-- /capture -->)}{$1```text\n@{[capture($2)]}```\n$3}gs
' README.md
echo "refreshed the captures in README.md"
