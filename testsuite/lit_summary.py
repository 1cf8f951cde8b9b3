#!/usr/bin/env python3
"""Pass lit's output through and end with the line `N passed, N failed[, N skipped]`.

lit reports per-status counts ("  Passed : 12", "  Failed: 1", "Unsupported: 2");
this folds them into the one closing line the project's CI expects (README: make check), and
exits non-zero when anything failed or when lit ran no test at all.
"""
import re
import sys

counts = {}
for line in sys.stdin:
    sys.stdout.write(line)
    sys.stdout.flush()
    m = re.match(r"^\s*(Passed|Failed|Unsupported|Expectedly Failed|Unexpectedly Passed|"
                 r"Unresolved|Timed Out|Skipped|Excluded)\s*:\s*(\d+)", line)
    if m:
        counts[m.group(1)] = int(m.group(2))


passed = counts.get("Passed", 0) + counts.get("Expectedly Failed", 0)
failed = (counts.get("Failed", 0) + counts.get("Unexpectedly Passed", 0)
          + counts.get("Unresolved", 0) + counts.get("Timed Out", 0))
skipped = counts.get("Unsupported", 0) + counts.get("Skipped", 0) + counts.get("Excluded", 0)
tail = f", {skipped} skipped" if skipped else ""
print(f"{passed} passed, {failed} failed{tail}")
sys.exit(1 if failed or passed == 0 else 0)
