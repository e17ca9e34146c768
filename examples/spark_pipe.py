"""Clean JSON Lines with newsclean on Spark, and prove it changes nothing.

Runs PySpark in local mode, feeds a JSON Lines file through
``RDD.pipe("newsclean --jsonl")`` (one newsclean process per partition) and
checks that the collected output equals the output of a single newsclean
process over the same file, line for line. newsclean keeps no state across
records, so any partitioning must give the same result.

Usage:
    python3 examples/spark_pipe.py NEWSCLEAN_BINARY [INPUT.jsonl]

Without INPUT a varied JSON Lines file is generated. Run through
``scripts/spark-example.sh``, which builds newsclean and can install pyspark.
This script does not install anything itself.
"""

import json
import os
import subprocess
import sys
import tempfile


def generate(path, records=4000):
    """Writes varied records: untidy, clean, mojibake, entities, malformed."""
    with open(path, "w", encoding="utf-8") as out:
        for number in range(records):
            kind = number % 6
            if kind == 0:
                line = "this line is not JSON"
            elif kind == 1:
                line = json.dumps(
                    {"id": number, "text": f"Paragraph {number}.\n\n\n\nThe end.", "score": 1.50}
                )
            elif kind == 2:
                line = json.dumps(
                    {"text": f"Caf\u00c3\u00a9 &amp; cr\u00e8me {number}.", "id": number},
                    ensure_ascii=False,
                )
            elif kind == 3:
                line = json.dumps({"id": number, "title": "no text field"})
            else:
                line = json.dumps({"id": number, "text": "Word after word. " * 30})
            out.write(line + "\n")


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    folder = tempfile.mkdtemp(prefix="newsclean-spark-")
    if len(argv) > 2:
        input_path = os.path.abspath(argv[2])
    else:
        input_path = os.path.join(folder, "news.jsonl")
        generate(input_path)

    single = subprocess.run(
        [binary, "--jsonl", "-q", input_path], check=True, stdout=subprocess.PIPE
    ).stdout.decode("utf-8").splitlines()

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster("local[2]").setAppName("newsclean-pipe")
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    try:
        lines = context.textFile(input_path, minPartitions=8)
        cleaned = lines.pipe(f"{binary} --jsonl -q").collect()
        partitions = lines.getNumPartitions()
    finally:
        context.stop()

    if cleaned != single:
        differing = next(
            (index for index, (a, b) in enumerate(zip(cleaned, single)) if a != b),
            min(len(cleaned), len(single)),
        )
        print(
            f"DIFFERENT: Spark gave {len(cleaned)} lines, one process {len(single)}; "
            f"first difference at line {differing + 1}",
            file=sys.stderr,
        )
        return 1
    print(
        f"identical: {len(cleaned)} lines through {partitions} partitions "
        f"equal one newsclean process"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
