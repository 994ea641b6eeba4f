"""What start-up left alive is frozen once, so full collections stay short."""

import subprocess
import sys


def test_freezing_happens_once_and_keeps_no_garbage():
    code = (
        "import gc; from relbook.ui import gc_policy\n"
        "class Cycle: pass\n"
        "a = Cycle(); a.me = a; del a\n"  # garbage in a cycle: collected, not frozen
        "first, again = gc_policy.freeze_after_start(), gc_policy.freeze_after_start()\n"
        "frozen = gc.get_freeze_count()\n"
        "print(first, again, frozen > 1000, any(type(o).__name__ == 'Cycle' "
        "for o in gc.get_objects()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "True", "False"]
