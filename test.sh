#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
results="$(pwd)/TestResults"
rm -rf "$results"
# A test that hangs is stopped after 5 minutes and named in the output, instead of holding CI until its time runs out.
dotnet test Assistant.sln --configuration Release --logger "trx" --results-directory "$results" --blame-hang-timeout 5m --blame-hang-dump-type none "$@"
status=$?
# The in-memory vector index has an AVX-512, an AVX2 and a portable path: the machine's own ran above, the others run here.
for knob in DOTNET_EnableAVX512 DOTNET_EnableAVX2; do
  env "$knob=0" dotnet test tests/Knowledge.Tests/Knowledge.Tests.csproj --configuration Release --no-build \
    --filter "FullyQualifiedName~InMemoryVectorIndexTests" --logger "trx;LogFileName=vector-index-without-${knob#DOTNET_Enable}.trx" \
    --results-directory "$results" --verbosity quiet || status=1
done
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before any result was written
fi
echo "$passed passed, $failed failed"
exit "$status"
