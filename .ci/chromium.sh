# Headless Chromium from Debian's packages, for .ci/browser-check and docs/screenshots.sh
# (sourced, not run). `install_chromium` installs it when missing (apt-get, as root: the way
# CI runs); `chrome ARGS...` runs it headless with a fresh profile under $work, no sandbox (CI
# is root), no GPU, no background traffic, and no network: every name resolves to nothing, so
# a page that needed anything from outside would show it. Console messages go to stderr.

install_chromium() {
    if ! command -v chromium >/dev/null 2>&1; then
        echo "== installing chromium (Debian package)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    fi
}

chrome() {
    local profile
    profile="$(mktemp -d "$work/profile.XXXXXX")"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
        --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 "$@"
}
