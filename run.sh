#!/usr/bin/env bash
# Runs the platform as the README's first line gives it: Development, SQLite in src/Wenming.Web/data, migrations
# applied, the demo county seeded, the demo logins printed, on http://localhost:5080. Arguments go to the app
# (./run.sh --urls http://0.0.0.0:5080, ./run.sh --Data:Directory=/tmp/demo).
#
# It does what `dotnet run --project src/Wenming.Web` does, without the restore and up-to-date check that `dotnet run`
# makes on every start (~3 s on the 2-core machine, issue 19 and ADR 0092): it builds only when a file the build reads
# has changed since this script last built, then starts the built assembly with the launch profile's settings.
set -euo pipefail
cd "$(dirname "$0")"
project=src/Wenming.Web

# Build output moved out of the tree (Directory.Build.props): let the SDK find it.
[ -z "${WENMING_ARTIFACTS:-}" ] || exec dotnet run --project "$project" -- "$@"

app=bin/Debug/net10.0/Wenming.Web.dll
stamp=$project/obj/run.stamp
# The project's own top-level names (a deleted file changes them; its directory's time also moves when the app
# makes its data folder, so that time is not read).
names() { ls -A "$project" | grep -vxE 'bin|obj|data' || true; }
stale() {
  [ -f "$project/$app" ] && [ -f "$stamp" ] && [ "$(names)" = "$(cat "$stamp")" ] || return 0
  [ -z "$(find "$project" -mindepth 1 \( -path "$project/bin" -o -path "$project/obj" -o -path "$project/data" \) -prune \
    -o -newer "$stamp" -print -quit)" ] || return 0
  [ -z "$(find Directory.Build.props Directory.Packages.props global.json .editorconfig -newer "$stamp")" ] || return 0
  return 1
}
if stale; then
  echo "Building $project (first run, or a source changed)…"
  mkdir -p "$project/obj"
  # Written before the build, so that a file saved while it builds is newer than the stamp: the next run builds again.
  names >"$stamp.next"
  dotnet build "$project" -nologo -v quiet
  mv "$stamp.next" "$stamp"
fi

# As the launch profile (Properties/launchSettings.json) sets them for `dotnet run`; a test keeps the two the same.
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS=http://localhost:5080
export DOTNET_EnableWriteXorExecute=0
# The project's folder is the content root, as under `dotnet run`: appsettings*.json, wwwroot and the data folder.
cd "$project"
exec dotnet "$app" "$@"
