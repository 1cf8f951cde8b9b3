"""api_names.py HEADER... DOC - the public names of the gomap headers that DOC does not
mention: macros and functions (not ending in '_'), typedefs, and the functions a
GOMAP_DECLARE writes (name_get ...).  Prints each missing name; exit status 1 if any."""
import re
import sys

*headers, doc = sys.argv[1:]
names = set()
for h in headers:
    text = open(h).read()
    names |= set(re.findall(r"^#define\s+([A-Za-z]\w*[A-Za-z0-9])\b", text, re.M))
    names |= set(re.findall(r"^\w[\w\s\*]*?\b(gomap_\w+)\s*\(", text, re.M))
    names |= set(re.findall(r"^GOMAP_FN_\s+[\w\s\*]*?\b(\w+)\s*\(", text, re.M))
    names |= set(re.findall(r"\}\s*(\w+);", text))                 # typedef struct {...} x;
    names |= {"name_" + n for n in re.findall(r"name##_(\w*[a-z])\b", text)}
names = {n for n in names if not n.endswith("_") and not n.endswith("_H")}
body = open(doc).read()
missing = sorted(n for n in names if not re.search(r"\b%s\b" % re.escape(n), body))
for n in missing:
    print("not in %s: %s" % (doc, n))
print("%d names checked" % len(names))
sys.exit(1 if missing else 0)
