#!/usr/bin/env bash
# Times the whole newsclean binary on a generated news corpus, side by side
# with a baseline that only moves the same bytes (`cat`, `cp -r`), and
# prints throughput (MB/s, 1 MB = 10^6 bytes), files/s and peak memory.
#
# What it measures:
#   - JSON Lines: `newsclean --jsonl -j1` and `-j2` on one ~80 MB file
#     versus `cat` of the same file;
#   - a folder of 20,000 articles cleaned into a fresh `--out-dir` versus
#     `cp -r` of the same folder to the same place;
#   - peak resident memory of each run (`/usr/bin/time -v`);
#   - with --compare, ftfy and plsfix (Python packages, installed into a
#     private virtual environment) over the same JSON Lines text;
#   - with --stages, the criterion benches of each stage first
#     (`cargo bench --bench stages`), summarised as one table; add
#     --skip-process to stop after that table.
# --binary PATH times another newsclean build (no cargo build of it);
# --simple-timer times with `date` instead of hyperfine, as happens when
# hyperfine cannot be installed.
# It asserts nothing: it prints figures and how they compare with the
# targets in BENCHMARKS.md. A mode the binary does not offer yet is
# reported as "not measured" and the rest still runs.
#
# Usage: scripts/bench.sh [--articles N] [--runs N] [--seed N] [--work DIR]
#                         [--compare] [--compare-lines N]
#                         [--stages] [--skip-process] [--simple-timer]
#                         [--binary PATH]
set -euo pipefail

articles=20000
runs=5
seed=2026
compare=false
compare_lines=0
work=""
stages=false
skip_process=false
simple_timer=false
binary=""

usage() {
    awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --articles) articles="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --compare) compare=true; shift ;;
        --compare-lines) compare_lines="$2"; shift 2 ;;
        --stages) stages=true; shift ;;
        --skip-process) skip_process=true; shift ;;
        --simple-timer) simple_timer=true; shift ;;
        --binary) binary="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# --- stage benches (optional) ----------------------------------------------

# One line per criterion bench: mean time of one batch and throughput in
# decimal MB/s, read from criterion's own estimates.
print_stage_table() {
    local criterion_dir="${CARGO_TARGET_DIR:-$root/target}/criterion"
    printf '%-28s %12s %14s\n' bench "mean/batch" throughput
    local group bench
    for group in decode repair blocks filters clean; do
        for bench in "$criterion_dir/$group"/*/new; do
            [ -f "$bench/estimates.json" ] || continue
            python3 - "$bench" "$group" <<'PYTHON'
import json, os, sys
folder, group = sys.argv[1], sys.argv[2]
with open(os.path.join(folder, "benchmark.json")) as file:
    benchmark = json.load(file)
with open(os.path.join(folder, "estimates.json")) as file:
    mean_nanoseconds = json.load(file)["mean"]["point_estimate"]
throughput = benchmark.get("throughput") or {}
size = throughput.get("BytesDecimal") or throughput.get("Bytes") or 0
rate = size / (mean_nanoseconds / 1e9) / 1e6
print(f"{benchmark['full_id']:<28} {mean_nanoseconds / 1e6:9.3f} ms {rate:9.1f} MB/s")
PYTHON
        done
    done
}

if [ "$stages" = true ]; then
    echo "bench.sh: running the stage benches (cargo bench --bench stages)" >&2
    cargo bench --quiet --bench stages >&2
    echo
    echo "stage benches (batches of 100 generated articles):"
    print_stage_table
    echo
    if [ "$skip_process" = true ]; then
        exit 0
    fi
fi

# --- work folder ------------------------------------------------------------

# tmpfs keeps the disk out of the figures: what is timed is the tool.
if [ -z "$work" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then
        work="/dev/shm/newsclean-bench"
    else
        work="${TMPDIR:-/tmp}/newsclean-bench"
    fi
fi
mkdir -p "$work"

not_measured=()
note_not_measured() {
    not_measured+=("$1")
    echo "  not measured: $1" >&2
}

# --- tools ----------------------------------------------------------------

apt_updated=false
install_debian_package() {
    local package="$1"
    command -v apt-get >/dev/null 2>&1 || return 1
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || return 1
        sudo="sudo -n"
    fi
    echo "bench.sh: installing $package with apt-get" >&2
    if ! $sudo apt-get install -y -qq "$package" >/dev/null 2>&1; then
        if [ "$apt_updated" = false ]; then
            $sudo apt-get update -qq >/dev/null 2>&1 || true
            apt_updated=true
        fi
        $sudo apt-get install -y -qq "$package" >/dev/null 2>&1 || return 1
    fi
}

have_hyperfine=true
if [ "$simple_timer" = true ]; then
    have_hyperfine=false
elif ! command -v hyperfine >/dev/null 2>&1; then
    install_debian_package hyperfine || true
    if ! command -v hyperfine >/dev/null 2>&1; then
        have_hyperfine=false
        echo "bench.sh: hyperfine unavailable; falling back to a simple timer" >&2
    fi
fi
have_time=true
if [ ! -x /usr/bin/time ]; then
    install_debian_package time || true
    if [ ! -x /usr/bin/time ]; then
        have_time=false
        echo "bench.sh: /usr/bin/time unavailable; peak memory will not be measured" >&2
    fi
fi

# Reads `results[INDEX].KEY` out of hyperfine's JSON export: jq when
# present, Python otherwise.
hyperfine_result() {
    local file="$1" index="$2" key="$3"
    if command -v jq >/dev/null 2>&1; then
        jq -r ".results[$index].$key" "$file"
    else
        python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])][sys.argv[3]])' "$file" "$index" "$key"
    fi
}

# --- build and corpus -----------------------------------------------------

echo "bench.sh: building release binaries" >&2
target_dir="${CARGO_TARGET_DIR:-$root/target}"
generator="$target_dir/release/examples/gen_corpus"
if [ -n "$binary" ]; then
    cargo build --release --quiet --example gen_corpus
    newsclean="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
else
    cargo build --release --quiet --bin newsclean --example gen_corpus
    newsclean="$target_dir/release/newsclean"
fi

corpus="$work/corpus"
rm -rf "$corpus"
"$generator" --articles "$articles" --seed "$seed" --out "$corpus"
jsonl="$corpus/articles.jsonl"
folder="$corpus/articles"
jsonl_bytes=$(stat -c %s "$jsonl")
folder_bytes=$(find "$folder" -type f -printf '%s\n' | awk '{ sum += $1 } END { print sum + 0 }')
folder_files=$(find "$folder" -type f | wc -l)
jsonl_lines=$(wc -l < "$jsonl")

# --- what the binary offers -----------------------------------------------

# Each mode is tried on a small sample first; a mode that fails there is
# reported and skipped instead of failing the whole run.
probe="$work/probe"
rm -rf "$probe"
mkdir -p "$probe"
head -n 50 "$jsonl" > "$probe/sample.jsonl"

probe_jsonl() {
    local threads="$1"
    if "$newsclean" --jsonl -j "$threads" "$probe/sample.jsonl" > "$probe/out.jsonl" 2> "$probe/err"; then
        if [ "$(wc -l < "$probe/out.jsonl")" -eq 50 ]; then
            return 0
        fi
        echo "wrote $(wc -l < "$probe/out.jsonl") lines for 50" > "$probe/err"
    fi
    return 1
}
first_error_line() {
    head -n 1 "$probe/err" 2>/dev/null | cut -c1-160
}

can_jsonl_1=false
can_jsonl_2=false
can_out_dir=false
if probe_jsonl 1; then can_jsonl_1=true; else
    note_not_measured "newsclean --jsonl -j1 ($(first_error_line))"; fi
if probe_jsonl 2; then can_jsonl_2=true; else
    note_not_measured "newsclean --jsonl -j2 ($(first_error_line))"; fi
sample_language="$(ls "$folder" | head -n 1)"
if "$newsclean" --out-dir "$probe/out-dir" "$folder/$sample_language" > /dev/null 2> "$probe/err" \
    && [ "$(find "$probe/out-dir" -type f | wc -l)" -eq "$(find "$folder/$sample_language" -type f | wc -l)" ]; then
    can_out_dir=true
else
    [ -s "$probe/err" ] || echo "the out-dir did not mirror the input folder" > "$probe/err"
    note_not_measured "newsclean --out-dir FOLDER ($(first_error_line))"
fi

# --- timing ---------------------------------------------------------------

# Mean wall seconds of each named command, filled by `time_commands`.
declare -A mean_seconds
declare -A spread_seconds
# Mean CPU seconds (user + system) of each command, where known: on a
# shared machine, bytes per CPU second say more than wall time.
declare -A cpu_seconds
# "BYTES RECORDS" of the input each other cleaner was given.
declare -A compare_sizes
# Text-only throughput of each other cleaner's fix_text, as it reported.
declare -A fix_only

# Arguments: a group name, a prepare command (or ""), then name/command
# pairs.
time_commands() {
    local group="$1" prepare="$2"
    shift 2
    local names=() commands=()
    while [ $# -gt 0 ]; do
        names+=("$1")
        commands+=("$2")
        shift 2
    done
    if [ "$have_hyperfine" = true ]; then
        local arguments=(--warmup 1 --runs "$runs" --export-json "$work/$group.json" --style basic)
        # The commands need no shell, and a shell's start-up would blur the
        # figures of the fast baselines.
        if hyperfine --help 2>&1 | grep -q -- "--shell=none"; then
            arguments+=(--shell=none)
        fi
        [ -n "$prepare" ] && arguments+=(--prepare "$prepare")
        local index
        for index in "${!names[@]}"; do
            arguments+=(--command-name "${names[$index]}" "${commands[$index]}")
        done
        hyperfine "${arguments[@]}" >&2
        for index in "${!names[@]}"; do
            mean_seconds[${names[$index]}]=$(hyperfine_result "$work/$group.json" "$index" mean)
            spread_seconds[${names[$index]}]=$(hyperfine_result "$work/$group.json" "$index" stddev)
            cpu_seconds[${names[$index]}]=$(awk -v user_seconds="$(hyperfine_result "$work/$group.json" "$index" user)" \
                -v system_seconds="$(hyperfine_result "$work/$group.json" "$index" system)" \
                'BEGIN { printf "%.6f", user_seconds + system_seconds }')
        done
    else
        local index run start end total
        for index in "${!names[@]}"; do
            total=0
            for run in $(seq 0 "$runs"); do
                [ -n "$prepare" ] && bash -c "$prepare"
                start=$(date +%s%N)
                bash -c "${commands[$index]}" > /dev/null 2>&1
                end=$(date +%s%N)
                # Run 0 warms the page cache and is not counted.
                [ "$run" -gt 0 ] && total=$((total + end - start))
            done
            mean_seconds[${names[$index]}]=$(awk -v total="$total" -v runs="$runs" 'BEGIN { printf "%.6f", total / runs / 1e9 }')
            spread_seconds[${names[$index]}]="?"
        done
    fi
}

# Peak resident memory in MiB of one run of a command.
declare -A peak_mebibytes
measure_peak() {
    local name="$1" command="$2"
    if [ "$have_time" = false ]; then
        peak_mebibytes[$name]="?"
        return
    fi
    # The figure is the largest process of the command's tree (wait4
    # reports the peak of the reaped descendants too), so a pipeline can be
    # measured through its shell.
    /usr/bin/time -o "$work/time.log" -v bash -c "$command > /dev/null 2>/dev/null" || true
    peak_mebibytes[$name]=$(awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time.log")
}

echo "bench.sh: timing JSON Lines ($jsonl_lines records, $jsonl_bytes bytes)" >&2
jsonl_commands=(cat "cat $jsonl")
[ "$can_jsonl_1" = true ] && jsonl_commands+=(newsclean-jsonl-j1 "$newsclean --jsonl -j1 $jsonl")
[ "$can_jsonl_2" = true ] && jsonl_commands+=(newsclean-jsonl-j2 "$newsclean --jsonl -j2 $jsonl")
time_commands jsonl "" "${jsonl_commands[@]}"

echo "bench.sh: timing the folder ($folder_files files, $folder_bytes bytes)" >&2
out="$work/out"
folder_commands=(cp-r "cp -r $folder $out")
[ "$can_out_dir" = true ] && folder_commands+=(newsclean-out-dir "$newsclean --out-dir $out $folder")
time_commands folder "rm -rf $out" "${folder_commands[@]}"

measure_peak cat "cat $jsonl"
[ "$can_jsonl_1" = true ] && measure_peak newsclean-jsonl-j1 "$newsclean --jsonl -j1 $jsonl"
[ "$can_jsonl_2" = true ] && measure_peak newsclean-jsonl-j2 "$newsclean --jsonl -j2 $jsonl"
# Streaming memory must not grow with the stream: the same records four
# times over through stdin should peak where one pass does.
if [ "$can_jsonl_1" = true ]; then
    measure_peak newsclean-jsonl-stdin-x4 "cat $jsonl $jsonl $jsonl $jsonl | $newsclean --jsonl -j1"
fi
rm -rf "$out"
measure_peak cp-r "cp -r $folder $out"
rm -rf "$out"
[ "$can_out_dir" = true ] && measure_peak newsclean-out-dir "$newsclean --out-dir $out $folder"
rm -rf "$out"

# --- other cleaners (optional) ---------------------------------------------

if [ "$compare" = true ]; then
    venv="$work/venv"
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv"
    fi
    if ! "$venv/bin/python" -c 'import ftfy, plsfix' 2>/dev/null; then
        "$venv/bin/pip" install --quiet ftfy plsfix || note_not_measured "ftfy/plsfix (pip install failed)"
    fi
    compare_input="$jsonl"
    compare_bytes="$jsonl_bytes"
    compare_records="$jsonl_lines"
    if [ "$compare_lines" -gt 0 ]; then
        compare_input="$work/compare.jsonl"
        head -n "$compare_lines" "$jsonl" > "$compare_input"
        compare_bytes=$(stat -c %s "$compare_input")
        compare_records="$compare_lines"
    fi
    # Both are driven the way newsclean's JSONL mode works: one record at a
    # time, parsed, fixed and written back; fix_text's own time is also
    # reported on its own.
    cat > "$work/compare.py" <<'PYTHON'
import json
import sys
import time

fixer = sys.argv[1]
if fixer == "ftfy":
    from ftfy import fix_text
else:
    from plsfix import fix_text
fixing_seconds = 0.0
text_bytes = 0
for line in sys.stdin:
    record = json.loads(line)
    text = record["text"]
    start = time.perf_counter()
    record["text"] = fix_text(text)
    fixing_seconds += time.perf_counter() - start
    text_bytes += len(text.encode("utf-8"))
    sys.stdout.write(json.dumps(record, ensure_ascii=False))
    sys.stdout.write("\n")
with open(sys.argv[2], "w") as report:
    report.write(f"{text_bytes / max(fixing_seconds, 1e-9) / 1e6:.1f}\n")
PYTHON
    for fixer in ftfy plsfix; do
        if ! "$venv/bin/python" -c "import $fixer" 2>/dev/null; then
            note_not_measured "$fixer (not importable)"
            continue
        fi
        echo "bench.sh: timing $fixer (one run)" >&2
        start=$(date +%s%N)
        if [ "$have_time" = true ]; then
            /usr/bin/time -v "$venv/bin/python" "$work/compare.py" "$fixer" "$work/$fixer.rate" \
                < "$compare_input" > /dev/null 2> "$work/time.log" || note_not_measured "$fixer (failed)"
            peak_mebibytes[$fixer]=$(awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time.log")
            cpu_seconds[$fixer]=$(awk -F: '/User time|System time/ { total += $2 } END { printf "%.6f", total }' "$work/time.log")
        else
            "$venv/bin/python" "$work/compare.py" "$fixer" "$work/$fixer.rate" < "$compare_input" > /dev/null
            peak_mebibytes[$fixer]="?"
        fi
        end=$(date +%s%N)
        mean_seconds[$fixer]=$(awk -v nanoseconds=$((end - start)) 'BEGIN { printf "%.6f", nanoseconds / 1e9 }')
        spread_seconds[$fixer]="(1 run)"
        compare_sizes[$fixer]="$compare_bytes $compare_records"
        fix_only[$fixer]=$(cat "$work/$fixer.rate" 2>/dev/null || echo "?")
    done
fi

# --- report ---------------------------------------------------------------

report_line() {
    local name="$1" bytes="$2" files="$3"
    local mean="${mean_seconds[$name]:-}"
    [ -n "$mean" ] || return 0
    awk -v name="$name" -v mean="$mean" -v spread="${spread_seconds[$name]}" \
        -v bytes="$bytes" -v files="$files" -v peak="${peak_mebibytes[$name]:-?}" \
        -v cpu="${cpu_seconds[$name]:-}" \
        'BEGIN { if (spread ~ /^[0-9.e-]+$/) spread = sprintf("%.3f s", spread)
                 per_cpu = (cpu > 0) ? sprintf("%9.1f", bytes / cpu / 1e6) : sprintf("%9s", "?")
                 printf "%-22s %9.3f s  ±%-9s %9.1f MB/s %s MB/cpu-s %11.0f files/s %9s MiB\n",
                 name, mean, spread, bytes / mean / 1e6, per_cpu, files / mean, peak }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'
}

echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "corpus:  $articles articles (seed $seed), JSONL $jsonl_bytes bytes, folder $folder_files files / $folder_bytes bytes, in $work"
echo
printf '%-22s %11s  %-10s %14s %18s %19s %13s\n' command "mean" "± stddev" "wall rate" "cpu rate" "files (records)/s" "peak RSS"
report_line cat "$jsonl_bytes" "$jsonl_lines"
report_line newsclean-jsonl-j1 "$jsonl_bytes" "$jsonl_lines"
report_line newsclean-jsonl-j2 "$jsonl_bytes" "$jsonl_lines"
report_line cp-r "$folder_bytes" "$folder_files"
report_line newsclean-out-dir "$folder_bytes" "$folder_files"
for fixer in ftfy plsfix; do
    if [ -n "${compare_sizes[$fixer]:-}" ]; then
        read -r bytes records <<< "${compare_sizes[$fixer]}"
        report_line "$fixer" "$bytes" "$records"
        echo "    ($fixer's fix_text alone: ${fix_only[$fixer]} MB/s of text)"
    fi
done

echo
echo "against the targets (whole process, same corpus):"
if [ -n "${mean_seconds[newsclean-jsonl-j1]:-}" ]; then
    one=$(awk -v bytes="$jsonl_bytes" -v mean="${mean_seconds[newsclean-jsonl-j1]}" 'BEGIN { printf "%.1f", bytes / mean / 1e6 }')
    echo "  JSONL one thread: $one MB/s"
    if [ -n "${compare_sizes[plsfix]:-}" ]; then
        read -r bytes records <<< "${compare_sizes[plsfix]}"
        plsfix_rate=$(awk -v bytes="$bytes" -v mean="${mean_seconds[plsfix]}" 'BEGIN { print bytes / mean / 1e6 }')
        echo "    = $(ratio "$one" "$plsfix_rate")x plsfix (target: at least 6x)"
    fi
    if [ -n "${compare_sizes[ftfy]:-}" ]; then
        read -r bytes records <<< "${compare_sizes[ftfy]}"
        ftfy_rate=$(awk -v bytes="$bytes" -v mean="${mean_seconds[ftfy]}" 'BEGIN { print bytes / mean / 1e6 }')
        echo "    = $(ratio "$one" "$ftfy_rate")x ftfy (target: at least 100x)"
    fi
    if [ -n "${mean_seconds[newsclean-jsonl-j2]:-}" ]; then
        echo "  JSONL two threads: $(ratio "${mean_seconds[newsclean-jsonl-j1]}" "${mean_seconds[newsclean-jsonl-j2]}")x one thread (target: at least 1.7x)"
    fi
    echo "  JSONL peak RSS: ${peak_mebibytes[newsclean-jsonl-j1]:-?} MiB at -j1, ${peak_mebibytes[newsclean-jsonl-j2]:-?} MiB at -j2, ${peak_mebibytes[newsclean-jsonl-stdin-x4]:-?} MiB for four times the stream through stdin (target: at most 32 MiB)"
fi
if [ -n "${mean_seconds[newsclean-out-dir]:-}" ]; then
    echo "  folder to a fresh out-dir: $(ratio "${mean_seconds[newsclean-out-dir]}" "${mean_seconds[cp-r]}")x the time of cp -r (target: at most 2x)"
fi
if [ "${#not_measured[@]}" -gt 0 ]; then
    echo
    echo "not measured:"
    for item in "${not_measured[@]}"; do
        echo "  - $item"
    done
fi
