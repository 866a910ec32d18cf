#!/usr/bin/env bash
# Adds a migration with the same name for every provider of one module (or all modules).
# Usage: build/add-migration.sh <MigrationName> [Registry|Partners|Planning|Meetings|Identity]
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?migration name}"
modules="${2:-Registry Partners Planning Meetings Identity}"
dotnet tool restore >/dev/null
for m in $modules; do
  project="modules/$m/KerjaSama.$m"
  dotnet build "$project" -v q -nologo >/dev/null
  for p in Sqlite PostgreSql SqlServer; do
    dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
      --context "${p}${m}Db" --output-dir "Persistence/Migrations/$p"
  done
done
# Generated migrations are public; a module exposes only its entry class and Contracts (architecture tests).
find modules src -path '*/Persistence/Migrations/*.cs' -exec sed -i 's/^    public partial class /    internal partial class /; s/^    partial class /    internal partial class /' {} +
