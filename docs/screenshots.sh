#!/usr/bin/env bash
# Makes the screenshots in docs/ with headless Chromium, from the pages .ci/browser-check
# renders: the practice report of a week of practice (examples/practice/, recorded at fixed
# times), one attempt of it close up (a frame scrolled to it), and the check page of
# examples/study-repo. Run from anywhere; commit the PNGs it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/browser-check target/screenshots
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. .ci/chromium.sh
cp target/screenshots/report-desktop.png docs/practice-report.png
cp target/screenshots/report-phone.png docs/practice-report-phone.png
cp target/screenshots/check-desktop.png docs/check-report.png
# The third attempt (sre-13, a good answer with points still missing), in a frame that opens
# the page at it: Chromium's screenshot does not scroll to a fragment of its own.
cat > target/screenshots/attempt.html <<'HTML'
<!DOCTYPE html><html lang="en"><title>attempt</title><body style="margin:0"><iframe title="report" src="report.html#attempt-3" style="border:0;width:1100px;height:900px"></iframe></body></html>
HTML
rm -f docs/practice-answer.png
chrome --hide-scrollbars --window-size=1100,900 --virtual-time-budget=3000 \
    --screenshot="$PWD/docs/practice-answer.png" "file://$PWD/target/screenshots/attempt.html" 2>/dev/null
echo "wrote docs/practice-report.png, docs/practice-report-phone.png, docs/practice-answer.png, docs/check-report.png"
