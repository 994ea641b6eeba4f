"""Python's cycle collector in a long-running window with a large book.

Once relbook has started, the process holds a few hundred thousand long-lived objects:
modules, SQLAlchemy's mappings, Qt's wrappers, the list's rows. Every full collection walked
all of them again, a pause of 40-50 ms at 100,000 contacts that landed in the middle of
scrolling, a search keystroke or a Today refresh. Frozen objects (``gc.freeze``) are left out
of every later collection, so only what is made while the app runs is walked.
"""

import gc

_done = False


def freeze_after_start() -> bool:
    """Collect once, then freeze whatever is still alive; only the first call does anything.

    Called once the window has shown its first list. Frozen objects are never collected,
    hence the collection first: nothing that is garbage now is kept for good. True if this
    call froze.
    """
    global _done
    if _done:
        return False
    _done = True
    gc.collect()
    gc.freeze()
    return True
