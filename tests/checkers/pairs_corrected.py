"""`check-real pairs` with the shared checker's own bugs corrected: how we tell its failures from ours.

usage: python3 tests/checkers/pairs_corrected.py BIN [--only SYMBOL]   (from the repository root, ../shared beside it)

It runs ../shared/tools/check_real.py's `pairs` with these corrections of how the checker reads the printed text
(never of what resdraft reports):
  notes     a footnote's continuation line that opens with a number ("18 – 22 March 2002") is not a footnote number;
  glued     a marker glued to a year or a number ("20238" = 2023 + 8, "VII/1116"), or before a word ("5and");
  date      the date under the closing meeting line is header matter also when printed "18 December2025";
  extref    "paragraph N of its report", "of resolution …", "article 4, paragraph 3": another text's paragraph,
            whose number is substance;
  star      a "* On behalf of …" / "* Any changes …" note closing a page whose ____ separator was lost in
            extraction is the sponsors' note (header), as the checker reads it where the separator survived;
  linestart a marker that opens a line ("labour," / "22  which has become");
  stopmark  a spaced marker after a word of the stop list ("all previous resolutions 3  on", "Accra Agenda for
            Action 17 and", "reiterates the decision 21 to") is a marker when its footnote is printed at that
            page's foot and no other shape found it (a last pass, same page-foot bookkeeping as the others);
  namenum   a marker glued to or spaced after a name that ends in a number ("COVID-1918" = COVID-19 + 18,
            "COVID-19 13 and", "Agenda 216" = Agenda 21 + 6);
  decimal   digits after a full stop inside a token are not a marker: "1.5 degrees" (the checker took 5 for a
            marker and then "1." at the line start for a paragraph number), "1/CP.28" (taken for marker 28 of
            the page, whose marker is "Platform,28");
  refctx    a reference is internal only when nothing says it is another text's: "paragraph(s) N" followed by
            "of" something other than "the present"/"this" ("paragraph 71 of the Compact", "paragraph 18 of
            decision 1/CMA.3"), or "thereof", or after "article(s) N," ("articles 2, 4 and 9, paragraphs 1–4, of
            the Paris Agreement") is external and keeps its numbers; "1–4" is a range like "1 to 4";
  editctx   on the diff side the same decision is made in the whole paragraph, not in the edit's snippet (an
            edit "in accordance with paragraph 71 of" cut before "General Assembly resolution 70/125").
"""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "tools"))
import check_real as C

REF = re.compile(r"\b(paragraphs?|subparagraphs?)((?:\s*(?:\(?[a-z]{1,4}\)|\d{1,3})(?:\s*(?:,|and|to|–|-)\s*)?)+)")
STOP = re.search(r'stop = r"(.*?)"\n', open(os.path.join(SHARED, "tools", "check_real.py")).read()).group(1)
NOT_IN_TOKEN = r"(?<!\d\.)(?<![A-Z]\.)"  # decimal: "1.5", "CP.28", "CMA.5"
PASSES = [
    NOT_IN_TOKEN + r"(?<=[^\W\d_]|[,;.:”’)])(\d{1,3})\b",
    r"(?<=[,;.:”’)]) {1,2}(\d{1,3})(?=\s|$)",
    STOP + r"(?<=[^\W\d_]) {1,2}(\d{1,3})(?=\s+[a-z(]|\s*$)",
    # fixed.py's glued shapes
    r"(?<![\w/.-])(\d{1,3})(?=[a-z]{2,})",
    r"(?<=\b(?:19|20)\d\d)(\d{1,3})\b",
    r"(?<=\b(?:19|20)\d\d) {1,2}(\d{1,3})(?=\s|$)",
    r"(?<=\bGoals) {1,2}(\d{1,3})(?=\s+[a-z(]|\s*$)",
    # fixed.py's 'linestart': a marker that begins a line ("22  which has become")
    r"^\s*(\d{1,3})(?= {1,2}[a-z])",
    # namenum
    r"(?<=\bCOVID-19)(\d{1,3})\b", r"(?<=\bCOVID‑19)(\d{1,3})\b", r"(?<=\bAgenda 21)(\d{1,3})\b",
    r"(?<=\bCOVID-19) {1,2}(\d{1,3})(?=\s|$)", r"(?<=\bCOVID‑19) {1,2}(\d{1,3})(?=\s|$)",
    # stopmark: last, only for a footnote of the page no other shape found
    r"(?<=[^\W\d_]) {1,2}(\d{1,3})(?=\s+[a-z(]|\s*$)",
]


def external(text, m):
    after = text[m.end():m.end() + 40]
    before = text[max(0, m.start() - 30):m.start()]
    if re.match(r"\s*,?\s*of (?!the present\b|this\b)", after) or re.match(r"\s*,?\s*thereof\b", after):
        return True
    return bool(re.search(r"\b[Aa]rticles? \d+(?:(?:,| and) \d+)*,?\s*$", before))


def strip_refs(text):
    """`text` without the numbers (and labels) of its internal references, as the checker does."""
    return REF.sub(lambda m: m.group(0) if external(text, m) else m.group(1) + " ", text)


def bwn(text, symbol, title):
    paras, notes = C.body(text, symbol, title)
    w = collections.Counter()
    kept = []
    after_meeting = False
    ppage, npage = C.body.pages
    foot = collections.defaultdict(set)
    last = 0
    starts = set()
    for idx, (l, k) in enumerate(zip(notes, npage)):
        m = re.match(r"^\s*(\d{1,3})\s", l)
        if m and int(m.group(1)) == last + 1:
            last += 1
            foot[k].add(last)
            starts.add(idx)
    lines = [paras[0]] + [C.OPNUM.sub(" ", l, count=1) for l in paras[1:]]
    for pat in PASSES:
        for idx in range(1, len(lines)):
            k = ppage[idx]

            def drop(m, k=k):
                n = int(m.group(1))
                if n in foot[k]:
                    foot[k].discard(n)
                    return " "
                return m.group(0)
            lines[idx] = re.sub(pat, drop, lines[idx])
    date = re.compile(r"^\s*\d{1,2} [A-Z][a-z]+ ?\d{4}\s*$")
    for l in lines[1:]:
        if C.MEETING.match(l):
            after_meeting = True
            continue
        if after_meeting and date.match(l):
            after_meeting = False
            continue
        if C.SECTION.match(l):
            continue
        kept.append(C.LABEL.sub(" ", l))
    w.update(C.words(strip_refs(" ".join(x.strip() for x in kept)), True))
    for idx, l in enumerate(notes):
        if idx in starts:
            l = re.sub(r"^\s*\d{1,3}\s", " ", l)
        w.update(C.words(l, True))
    return w


def bare(s):
    return re.sub(r"\[\^[^\]]+\]", " ", s or "")


def snippet_words(full, at, s):
    """Words of the edit snippet `s` standing at `at` in `full`, its internal references' numbers out,
    deciding internal/external on the whole paragraph."""
    if not s:
        return []
    if full[at:at + len(s)] != s:
        k = full.find(s)
        if k < 0:
            return C.words(strip_refs(bare(s)), True)
        at = k
    drop = set()
    for m in REF.finditer(full):
        if not external(full, m):
            drop.update(range(m.start(2), m.end(2)))
    chars = [(" " if i in drop else c) for i, c in enumerate(full[at:at + len(s)], start=at)]
    return C.words(bare("".join(chars)), True)


def diff_words(changes):
    dele, ins = collections.Counter(), collections.Counter()
    spurious = 0
    for c in changes:
        if str(c.get("part")) not in ("preamble", "operative", "footnote", "section", "body"):
            continue
        k = c.get("kind")
        if k == "inserted":
            ins.update(C.words(strip_refs(bare((c.get("new_lead") or "") + " " + (c.get("new_text") or ""))), True))
        elif k == "deleted":
            dele.update(C.words(strip_refs(bare((c.get("old_lead") or "") + " " + (c.get("old_text") or ""))), True))
        elif k in ("modified", "moved"):
            shift = collections.Counter()
            for e in c.get("edits") or []:
                field = e.get("field") or "text"
                old = c.get("old_" + field) or ""
                new = c.get("new_" + field) or ""
                at = e.get("at") or 0
                d, i = e.get("deleted") or "", e.get("inserted") or ""
                dele.update(snippet_words(old, at, d))
                ins.update(snippet_words(new, at + shift[field], i))
                shift[field] += len(i) - len(d)
            same = lambda t: re.sub(r"\s+", "", bare(t).replace("\u2011", "-"))
            if k == "modified" and same(c.get("old_lead", "") + " " + c.get("old_text", "")) == \
                    same(c.get("new_lead", "") + " " + c.get("new_text", "")):
                spurious += 1
    return dele, ins, spurious


_orig_body = C.body


def star_body(text, symbol, title):
    """fixed.py's 'star': a "* On behalf of …" note closing a page whose ____ separator was lost in
    extraction is the sponsors' note (header), as where the separator survived."""
    out = []
    for page in text.split("\n\n"):
        ls = page.split("\n")
        tail = [i for i, l in enumerate(ls) if l.strip()]
        for i in tail[-4:]:
            if ls[i].strip().startswith("* ") and all(ls[j].strip() for j in range(i, tail[-1] + 1)) \
                    and not any(C.BAD.match(x) for x in ls[:i]):
                ls.insert(i, "__________")
                break
        out.append("\n".join(ls))
    return _orig_body("\n\n".join(out), symbol, title)


C.body = star_body
C.body_words_numbers = bwn
C.diff_words = diff_words
if __name__ == "__main__":
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    C.cmd_pairs(sys.argv[1], os.path.join(SHARED, "corpus", "un80"), only)
