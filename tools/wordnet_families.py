#!/usr/bin/env python3
"""Distils general English word families from WordNet into src/draft/families.txt.

    apt-get install wordnet-base          # Debian's WordNet 3.0 database, /usr/share/wordnet
    python3 tools/wordnet_families.py > src/draft/families.txt

A rubric drafted from a reference answer gives each of its words these alternatives, so that
"unlimited" is also shown by "infinite" and "decrease" by "diminish". What is kept, and why (each
choice was measured with `rubric eval` on two graded data sets; see docs/rubric-source.md):

- verbs, adjectives and adverbs only: noun synonyms are noisy for technical text (WordNet makes
  "stack" a synonym of "heap", "queue" of "waiting line");
- a word's first two senses (WordNet orders senses by how often they were tagged in a corpus);
- words that were tagged in that corpus at all (tagsense_cnt > 0), for the word and its
  alternatives: rare senses and rare words bring more noise than matches;
- single lowercase words, alternatives sorted; the word itself is never its own alternative.

Options: --pos (default "var": verbs, adjectives, adverbs; "n" adds nouns), --senses N (first N
senses, default 2), --derived (add derivationally related forms of those senses).
"""

import argparse
import re
import sys

WN = "/usr/share/wordnet"
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
WORD = re.compile(r"^[a-z]+$")
LICENSE = """
This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""


def read_index(pos):
    """lemma -> (synset offsets in sense order, tagsense_cnt)."""
    out = {}
    with open(f"{WN}/index.{FILES[pos]}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            lemma, synset_cnt, p_cnt = p[0], int(p[2]), int(p[3])
            tagged = int(p[5 + p_cnt])
            offsets = p[6 + p_cnt : 6 + p_cnt + synset_cnt]
            out[lemma] = (offsets, tagged)
    return out


def read_data(pos):
    """offset -> (words, pointers as (symbol, offset, pos, source/target))."""
    out = {}
    with open(f"{WN}/data.{FILES[pos]}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split(" | ")[0].split()
            n = int(p[3], 16)
            words = [re.sub(r"\(.*\)$", "", p[4 + 2 * i]).lower() for i in range(n)]
            k = 4 + 2 * n
            ptrs = [tuple(p[k + 1 + 4 * i : k + 5 + 4 * i]) for i in range(int(p[k]))]
            out[p[0]] = (words, ptrs)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pos", default="var")
    ap.add_argument("--senses", type=int, default=2)
    ap.add_argument("--derived", action="store_true")
    ap.add_argument("--similar", action="store_true")
    a = ap.parse_args()
    index = {pos: read_index(pos) for pos in FILES}
    data = {pos: read_data(pos) for pos in FILES}
    common = {w for pos in FILES for w, (_, tagged) in index[pos].items() if tagged > 0 and WORD.match(w)}
    families = {}
    for pos in a.pos:
        for lemma, (offsets, tagged) in index[pos].items():
            if tagged == 0 or not WORD.match(lemma):
                continue
            alts = families.setdefault(lemma, set())
            for off in offsets[: a.senses]:
                words, ptrs = data[pos][off]
                alts.update(words)
                if a.similar and pos == "a":
                    for sym, o, p2, st in ptrs:
                        if sym == "&":
                            alts.update(data["a"][o][0])
                if a.derived:
                    for sym, o, p2, st in ptrs:
                        if sym != "+":
                            continue
                        p2 = "a" if p2 == "s" else p2
                        target = int(st[2:], 16)
                        if target:
                            alts.add(data[p2][o][0][target - 1])
    print("# General English word families: a word, then the words that can stand for it in an answer.")
    print("# Generated by tools/wordnet_families.py (" + " ".join(sys.argv[1:] or ["defaults"]) + ") from WordNet 3.0,")
    print("# Debian package wordnet-base (/usr/share/wordnet). Do not edit by hand: change the script.")
    print("#")
    print("# The WordNet 3.0 license, as Debian ships it (/usr/share/doc/wordnet-base/copyright):")
    for line in LICENSE.strip("\n").split("\n"):
        print(("# " + line).rstrip())
    for lemma in sorted(families):
        alts = sorted(w for w in families[lemma] if w != lemma and WORD.match(w) and w in common)
        if alts:
            print(f"{lemma}: {', '.join(alts)}")


if __name__ == "__main__":
    main()
