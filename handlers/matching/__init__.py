"""One matching layer for every step: what people type -> the answer they mean.

- :mod:`.normal`: folding, chat spellings, particles, division abbreviations;
- :mod:`.options`: choices, multi-choices, yes/no/confirm words, review screens (ranking in its docstring);
- :mod:`.places` and :mod:`.addresses`: new and pre-2025 provinces, districts and communes (ranking in
  :mod:`.places`), from the official conversion table (:mod:`.former`);
- :mod:`.countries` and :mod:`.travel`: countries (CLDR via Babel) and places travelled;
- :mod:`.dates`: birth dates and dose counts in digits or words.

Shared ranking: exact (accents, case and spacing ignored) > an exact name inside the answer > a distinctive
part > a near spelling (RapidFuzz), which is always asked back ("Ý bạn là …?"); several candidates left at
the same rank are listed to choose from, never guessed. The engine (:mod:`handlers.engine`) sends every
choice, multi-choice, review and listed-candidate answer through here, so a new step gets it for free.
"""

from __future__ import annotations


def warm() -> None:
    """Load the maps and name indexes now rather than on the first message (start-up, benchmarks).

    They live as long as the process, so they are then moved out of the cyclic garbage collector's
    sight (``gc.freeze``): its full collections no longer walk their hundred thousand objects.
    """
    import gc

    from handlers.matching.countries import names
    from handlers.matching.places import index

    index()
    names()
    gc.freeze()
