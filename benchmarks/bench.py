#!/usr/bin/env python3
"""replylint's benchmark: one table, every figure measured in the same run on the same text.

Usage: python3 benchmarks/bench.py [--sizes 1,10,100] [--runs 3]

The text is built here from real Spanish the machine has: the articles on social customer service
(../shared/seeds, when present) and the real tweets and brand replies of the dev set
(../shared/devset), cut into replies and shuffled with a fixed seed into corpora of 1, 10 and 100 MB
under benchmarks/data/ (not committed). The unique text is about half a megabyte, so the larger corpora
repeat it in other orders: caches that remember words are helped as much as in a large template library.

Rows: replylint with every rule (all cores, then one thread), ICU word breaking alone over the same bytes
(the floor, a small C program), `hunspell -l` (spell checking only) and pyspellchecker from PyPI (Spanish
dictionary); then the process time of linting one 500-character reply and peak memory.

replylint keeps a table of the dictionary's forms in its cache folder (built on its first run). The
benchmark gives it a new, empty cache folder, times that first run on its own, and then measures the
runs that follow, as a user's would be; one reply is also timed with the table off (Hunspell loaded by
every run).
"""
import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "benchmarks", "data")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
BIN = os.path.join(ROOT, ".build", "release", "replylint")


def source_texts():
    texts = []
    seeds = os.path.join(SHARED, "seeds")
    if os.path.isdir(seeds):
        for name in sorted(os.listdir(seeds)):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                for paragraph in re.split(r"\n\s*\n", f.read()):
                    sentences = re.split(r"(?<=[.!?])\s+", paragraph.strip())
                    for i in range(0, len(sentences), 3):
                        chunk = " ".join(sentences[i:i + 3]).strip()
                        if chunk:
                            texts.append(chunk)
    for name in ("labeled.jsonl", "real_replies.jsonl"):
        path = os.path.join(SHARED, "devset", name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
    if not texts:
        sys.exit("no source text found: ../shared/seeds and ../shared/devset are missing")
    return texts


def build_corpus(megabytes, texts):
    folder = os.path.join(DATA, f"corpus-{megabytes}mb")
    marker = os.path.join(folder, ".complete")
    if os.path.exists(marker):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    rng = random.Random(megabytes)
    target = megabytes * 1_000_000
    written, part, buffer = 0, 0, []
    size = 0
    while written < target:
        order = texts[:]
        rng.shuffle(order)
        for text in order:
            buffer.append(text)
            size += len(text.encode()) + 2
            if size >= 256_000 or written + size >= target:
                with open(os.path.join(folder, f"part-{part:04d}.txt"), "w", encoding="utf-8") as f:
                    f.write("\n\n".join(buffer) + "\n")
                written += size
                part += 1
                buffer, size = [], 0
                if written >= target:
                    break
    open(marker, "w").close()
    return folder


def files_of(folder):
    return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".txt")]


def timed(cmd, stdin_path=None, runs=1, env=None):
    """Best wall time of `runs` runs, and the peak RSS (KiB) of the child."""
    best, peak = None, 0
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        if stdin_path:
            stdin.close()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{' '.join(cmd)} exited with {code}: {p.stderr.read().decode()[:500]}")
        best = elapsed if best is None else min(best, elapsed)
        peak = max(peak, usage.ru_maxrss)
    return best, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if not os.path.exists(BIN):
        sys.exit("build first: bash scripts/quickstart.sh (swift build -c release --static-swift-stdlib)")
    os.makedirs(DATA, exist_ok=True)

    floor = os.path.join(DATA, "icu_floor")
    subprocess.run(f"cc -O2 -o {floor} {ROOT}/benchmarks/icu_floor.c $(pkg-config --cflags --libs icu-uc icu-i18n)",
                   shell=True, check=True)

    texts = source_texts()
    corpora = {mb: build_corpus(mb, texts) for mb in sorted(set(sizes + [10]))}
    main_mb = 10
    main_files = files_of(corpora[main_mb])
    total_bytes = sum(os.path.getsize(f) for f in main_files)
    out = subprocess.run([floor] + main_files, capture_output=True, text=True, check=True).stdout.split()
    words = int(out[1])
    concatenated = os.path.join(DATA, f"corpus-{main_mb}mb.txt")
    if not os.path.exists(concatenated):
        with open(concatenated, "wb") as dst:
            for f in main_files:
                with open(f, "rb") as src:
                    shutil.copyfileobj(src, dst)

    # A new cache folder: the first run builds the form table there; it is timed on its own.
    cache = tempfile.mkdtemp(prefix="replylint-bench-cache-")
    os.environ["REPLYLINT_CACHE_DIR"] = cache
    reply = os.path.join(DATA, "reply.txt")
    with open(reply, "w", encoding="utf-8") as f:
        f.write("Buenas tardes, señora Gómez. Lamentamos mucho el retraso de su pedido y entendemos su molestia. "
                "Hemos revisado el envío: salió ayer del almacén y llegará el jueves por la mañana. Le escribiremos "
                "por mensaje privado con el número de seguimiento para que pueda consultarlo cuando quiera. Si "
                "necesita cualquier otra cosa, estamos a su disposición. Si prefiere cancelar el pedido, también "
                "podemos devolverle el importe completo en un plazo de cinco días laborables. Muchas gracias por su paciencia.\n")
    first_run, _ = timed([BIN, reply])

    cores = os.cpu_count() or 1
    rows = []

    def row(name, seconds, rss=None, note=""):
        rows.append((name, seconds, rss, note))

    t, rss = timed([BIN, "--format", "json", corpora[main_mb]], runs=args.runs)
    row(f"replylint, all rules, {cores} threads", t, rss)
    t1, rss1 = timed([BIN, "--format", "json", "--jobs", "1", corpora[main_mb]], runs=args.runs)
    row("replylint, all rules, 1 thread", t1, rss1)
    tf, rssf = timed([floor] + main_files, runs=args.runs)
    row("ICU word breaking alone (floor, 1 thread)", tf, rssf)
    if shutil.which("hunspell"):
        th, rssh = timed(["hunspell", "-d", "es_ES", "-l"], stdin_path=concatenated, runs=1)
        row("hunspell -l (spelling only, 1 thread)", th, rssh)
    # pyspellchecker is pure Python: measured on the 1 MB corpus and scaled by bytes.
    if subprocess.run([sys.executable, "-c", "import spellchecker"], capture_output=True).returncode != 0:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pyspellchecker"])
    one_mb = corpora.get(1) or build_corpus(1, texts)
    script = ("import sys,re\nfrom spellchecker import SpellChecker\ns=SpellChecker(language='es')\n"
              "for p in sys.argv[1:]:\n  w=re.findall(r'\\w+', open(p,encoding='utf-8').read().lower())\n  s.unknown(w)\n")
    tp, rssp = timed([sys.executable, "-c", script] + files_of(one_mb), runs=1)
    one_mb_bytes = sum(os.path.getsize(f) for f in files_of(one_mb))
    row("pyspellchecker (PyPI, es; spelling only, 1 thread)", tp * total_bytes / one_mb_bytes, rssp,
        "measured on 1 MB, scaled")

    print(f"\nText: {total_bytes / 1e6:.1f} MB, {words:,} words (ICU word count), {len(main_files)} files; "
          f"machine: {cores} cores. Best of {args.runs} runs.\n")
    print("| tool | seconds | MB/s | words/s | peak RSS (MiB) | replylint (all cores) is ... |")
    print("|---|---:|---:|---:|---:|---|")
    for name, seconds, peak, note in rows:
        ratio = seconds / t
        relation = "—" if name.startswith("replylint, all rules, " + str(cores)) else (
            f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower")
        label = name + (f" ({note})" if note else "")
        print(f"| {label} | {seconds:.2f} | {total_bytes / 1e6 / seconds:.1f} | {words / seconds:,.0f} | "
              f"{(peak or 0) / 1024:.0f} | {relation} |")

    # One reply, start to exit: the clean reply, the same reply with three slips (a missing accent, b/v,
    # a typo), and the clean one with the form table off.
    slips = os.path.join(DATA, "reply-slips.txt")
    with open(reply, encoding="utf-8") as f:
        text = f.read()
    with open(slips, "w", encoding="utf-8") as f:
        f.write(text.replace("envío", "envio").replace("revisado", "rebisado").replace("paciencia", "paciensia"))
    off = dict(os.environ, REPLYLINT_CACHE_DIR="off")
    print()
    for label, path, env in (("One reply", reply, None), ("The same reply with three slips", slips, None),
                             ("One reply, form table off (Hunspell loaded)", reply, off)):
        times = []
        peak = 0
        for _ in range(30):
            t_one, rss_one = timed([BIN, path], env=env)
            times.append(t_one)
            peak = max(peak, rss_one)
        with open(path, encoding="utf-8") as f:
            characters = len(f.read())
        print(f"{label} ({characters} characters), process start to exit: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms over 30 runs; peak RSS {peak / 1024:.0f} MiB.")
    print(f"First run with an empty cache folder (builds the form table, then lints the reply): {first_run:.2f} s.")

    print("\nLinear cost (all rules, all cores):\n")
    print("| corpus | seconds | MB/s | peak RSS (MiB) |")
    print("|---|---:|---:|---:|")
    for mb in sizes:
        files = files_of(corpora[mb])
        size = sum(os.path.getsize(f) for f in files)
        t_mb, rss_mb = timed([BIN, "--format", "json", corpora[mb]], runs=1 if mb >= 100 else args.runs)
        print(f"| {size / 1e6:.0f} MB | {t_mb:.2f} | {size / 1e6 / t_mb:.1f} | {rss_mb / 1024:.0f} |")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
