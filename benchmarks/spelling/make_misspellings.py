#!/usr/bin/env python3
"""Builds misspellings.tsv, the data of the spelling benchmark.

The misspellings are GENERATED, not collected: frequent correct Spanish words (wordfreq's Spanish
frequency list, top 15,000; kept only if Hunspell es_ES accepts them) each get one error from a documented
error model, and a misspelling is kept only if Hunspell rejects it (a non-word). Classes, about equal in
number:

  accent    an accent dropped               información -> informacion
  bv        b and v swapped                  llevar -> llebar
  lly       ll and y swapped                 llamar -> yamar, ayuda -> alluda
  h         h dropped                        hacer -> acer, ahora -> aora
  csz       c (before e/i), s, z confused    necesario -> nesesario, vez -> ves
  gj        g (before e/i) and j swapped     gente -> jente, mujer -> muger
  double    a doubled letter made single or a single l/r/c/n doubled   ocurrir -> ocurir
  swap      two adjacent letters swapped     pedido -> peddio
  delete    one letter dropped               gracias -> gacias
  key       one letter replaced by a neighbour on the keyboard   cuenta -> cuensa

The first seven are the Spanish confusions replylint's suggester tries on purpose, so its accuracy on
them is expected to be high; the last three are generic typing slips. Requires: pip install wordfreq;
Debian hunspell and hunspell-es. Output is deterministic (fixed seed).
"""
import random
import subprocess
import sys

from wordfreq import top_n_list

PER_CLASS = 60
SEED = 20261123
ACCENTS = str.maketrans("áéíóú", "aeiou")
KEYBOARD = ["qwertyuiop", "asdfghjklñ", "zxcvbnm"]


def neighbours(c):
    for r, row in enumerate(KEYBOARD):
        if c in row:
            i = row.index(c)
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            if r > 0:
                near += [KEYBOARD[r - 1][j] for j in (i, i + 1) if 0 <= j < len(KEYBOARD[r - 1])]
            if r + 1 < len(KEYBOARD):
                near += [KEYBOARD[r + 1][j] for j in (i - 1, i) if 0 <= j < len(KEYBOARD[r + 1])]
            return near
    return []


def variants(word, cls):
    """Every way to put one error of a class into a word."""
    out = []
    n = len(word)
    for i, c in enumerate(word):
        nxt = word[i + 1] if i + 1 < n else ""
        if cls == "accent" and c in "áéíóú":
            out.append(word[:i] + c.translate(ACCENTS) + word[i + 1:])
        elif cls == "bv" and c in "bv":
            out.append(word[:i] + ("v" if c == "b" else "b") + word[i + 1:])
        elif cls == "lly":
            if word[i:i + 2] == "ll":
                out.append(word[:i] + "y" + word[i + 2:])
            elif c == "y" and nxt in "aeiouáéíóú" and nxt:
                out.append(word[:i] + "ll" + word[i + 1:])
        elif cls == "h" and c == "h" and (i == 0 or word[i - 1] != "c"):
            out.append(word[:i] + word[i + 1:])
        elif cls == "csz":
            if c == "c" and nxt and nxt in "eiéí":
                out += [word[:i] + "s" + word[i + 1:], word[:i] + "z" + word[i + 1:]]
            elif c == "z":
                out.append(word[:i] + "s" + word[i + 1:])
            elif c == "s" and nxt and nxt in "eiéí":
                out.append(word[:i] + "c" + word[i + 1:])
        elif cls == "gj":
            if c == "g" and nxt and nxt in "eiéí":
                out.append(word[:i] + "j" + word[i + 1:])
            elif c == "j" and nxt and nxt in "eiéí":
                out.append(word[:i] + "g" + word[i + 1:])
        elif cls == "double":
            if nxt == c:
                out.append(word[:i] + word[i + 1:])
            elif c in "lrcn" and (i == 0 or word[i - 1] != c) and i > 0:
                out.append(word[:i] + c + word[i:])
        elif cls == "swap" and nxt and nxt != c and i > 0:
            out.append(word[:i] + nxt + c + word[i + 2:])
        elif cls == "delete" and i > 0:
            out.append(word[:i] + word[i + 1:])
        elif cls == "key" and i > 0:
            out += [word[:i] + k + word[i + 1:] for k in neighbours(c)]
    return [v for v in out if v != word]


def hunspell_rejects(words):
    """The subset of words Hunspell es_ES rejects."""
    result = subprocess.run(["hunspell", "-d", "es_ES", "-l"], input="\n".join(words), capture_output=True,
                            text=True, check=True)
    return set(result.stdout.split())


def main():
    rng = random.Random(SEED)
    words = [w for w in top_n_list("es", 15000) if len(w) >= 4 and w.isalpha() and w == w.lower()]
    known = set(words) - hunspell_rejects(words)
    words = [w for w in words if w in known]
    classes = ["accent", "bv", "lly", "h", "csz", "gj", "double", "swap", "delete", "key"]
    proposals = []
    for cls in classes:
        pool = [(w, v) for w in words for v in variants(w, cls)]
        rng.shuffle(pool)
        proposals.append((cls, pool[:PER_CLASS * 4]))
    rejected = hunspell_rejects([v for _, pool in proposals for _, v in pool])
    rows, seen = [], set()
    for cls, pool in proposals:
        taken = 0
        for word, wrong in pool:
            if taken == PER_CLASS:
                break
            if wrong in rejected and wrong not in seen:
                seen.add(wrong)
                rows.append((wrong, word, cls))
                taken += 1
    with open(sys.argv[1] if len(sys.argv) > 1 else "misspellings.tsv", "w", encoding="utf-8") as out:
        out.write("# generated by make_misspellings.py: misspelling <TAB> correction <TAB> error class\n")
        out.write("# words: wordfreq Spanish list (CC BY-SA 4.0 data); errors: the model in make_misspellings.py\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} misspellings", file=sys.stderr)


if __name__ == "__main__":
    main()
