# lit configuration for the escape project.
#
# Substitutions (every test uses these, never bare paths):
#   %cc        gcc with the project's warnings and the runtime include path
#   %plugin    -fplugin=<build>/escape.so
#   %gomap     the runtime library build/libgomap.a
#   %gomap_asan the same built with %asan's sanitizers (make check builds it)
#   %asan      -fsanitize=address,undefined -fno-omit-frame-pointer -g
#   %FileCheck FileCheck from llvm-14-tools
#   %not       'not' from llvm-14-tools
# Runtime tests run under ASAN_OPTIONS=detect_stack_use_after_return=1.
# Feature "chromium": a headless browser for the HTML report's test (make report-deps).
import os
import lit.formats

config.name = "escape"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "lit_summary.py"]
config.test_source_root = os.path.dirname(__file__)
root = os.path.dirname(config.test_source_root)
build = os.path.join(root, "build")
config.test_exec_root = os.path.join(build, "testsuite")

llvm_bin = "/usr/lib/llvm-14/bin"
cc = os.environ.get("ESCAPE_CC", "gcc")
config.substitutions.append(("%cc", f"{cc} -std=gnu11 -Wall -Wextra -I{root}/runtime"))
config.substitutions.append(("%plugin", f"-fplugin={build}/escape.so"))
# %gomap_asan first: lit substitutes in order and %gomap is its prefix.
config.substitutions.append(("%gomap_asan", f"{build}/libgomap-asan.a"))
config.substitutions.append(("%gomap", f"{build}/libgomap.a"))
config.substitutions.append(("%asan", "-fsanitize=address,undefined -fno-omit-frame-pointer "
                             "-fno-sanitize-recover=all -g"))
config.substitutions.append(("%FileCheck", f"{llvm_bin}/FileCheck"))
config.substitutions.append(("%not", f"{llvm_bin}/not"))
config.substitutions.append(("%root", root))
import subprocess
gcc_plugin_dir = subprocess.run([cc, "-print-file-name=plugin"], capture_output=True,
                                text=True).stdout.strip()
config.substitutions.insert(0, ("%gccplugindir", gcc_plugin_dir))  # before %plugin

import shutil
if shutil.which("chromium"):
    config.available_features.add("chromium")
else:
    lit_config.note("chromium not installed: output/report-browser.test is UNSUPPORTED "
                    "(install it with: make report-deps, i.e. apt-get install -y chromium)")
if shutil.which("clang++"):
    config.available_features.add("clang++")   # runtime/cplusplus-clang.test

config.environment["ASAN_OPTIONS"] = "detect_stack_use_after_return=1:detect_leaks=1"
config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
config.environment["PATH"] = llvm_bin + os.pathsep + os.environ.get("PATH", "")
for var in ("HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
