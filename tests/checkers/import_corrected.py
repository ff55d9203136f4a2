"""`check-real import` with the one correction of the shared checker's body() that the import check needs:
a "* On behalf of …" / "* Any changes …" note closing a page whose ____ separator was lost in extraction is the
sponsors' note (header matter), as the checker reads the same note wherever the separator survived
(A/80/L.3, A/C.2/80/L.11, L.14, L.31, L.33, A/C.3/80/L.13, A/C.5/80/L.10). tests/corpus_un80.rs ports it.

usage: python3 tests/checkers/import_corrected.py BIN [--only SYMBOL]   (from the repository root)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pairs_corrected as P  # noqa: E402  (patches the checker's body() with the 'star' correction)

if __name__ == "__main__":
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    P.C.cmd_import(sys.argv[1], os.path.join(P.SHARED, "corpus", "un80"), only)
