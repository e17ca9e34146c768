#!/usr/bin/env bash
# Runs examples/spark_pipe.py: PySpark in local mode pipes a JSON Lines file
# through `newsclean --jsonl` (RDD.pipe) and checks that the result equals
# one newsclean process. Not part of CI: it needs Java and pyspark.
#
# Usage: scripts/spark-example.sh [--install] [INPUT.jsonl]
#   --install   pip-install pyspark first (and the Java runtime with apt-get
#               when none is found and we are root)
#   NEWSCLEAN=path/to/newsclean  use that binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--install" ]]; then
    shift
    if ! command -v java >/dev/null && [[ "$(id -u)" == 0 ]]; then
        apt-get update -qq && apt-get install -y -qq default-jre-headless
    fi
    python3 -m pip install --quiet pyspark
fi
if ! python3 -c "import pyspark" 2>/dev/null; then
    echo "spark-example: pyspark is not installed (run with --install)" >&2
    exit 2
fi
if ! command -v java >/dev/null; then
    echo "spark-example: Spark needs a Java runtime (Debian: default-jre-headless)" >&2
    exit 2
fi
if [[ -z "${NEWSCLEAN:-}" ]]; then
    cargo build --release --locked --quiet
    NEWSCLEAN=target/release/newsclean
fi
exec python3 examples/spark_pipe.py "$NEWSCLEAN" "$@"
