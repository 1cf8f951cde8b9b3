// A unit that calls no map function still gets everything it asks the plugin
// for.  The pass stops at once only when there is nothing to change or say
// (unit.cc: nothing_to_do): no runtime function used, no -m, no JSON or SARIF,
// and no noescape promise.  A broken promise in a unit without maps is still an
// error (callers in other units keep their maps on the stack on its word), and
// -m and JSON still describe its parameters, as Go's -m does for any function.
//
// RUN: %not %cc -O0 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %not %cc -O2 -fno-diagnostics-show-caret -c %s %plugin -o /dev/null 2>&1 | %FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %cc -O2 -DNO_PROMISE -c %s %plugin -fplugin-arg-escape-m -o /dev/null 2>&1 | %FileCheck %s --check-prefix=M
// RUN: rm -f %t.json && %cc -O2 -DNO_PROMISE -c %s %plugin -fplugin-arg-escape-json=%t.json -o /dev/null
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// RUN: %cc -O2 -DNO_PROMISE -c %s %plugin -o /dev/null 2>&1 | count 0

int *G;

#ifndef NO_PROMISE
// ERR: units-without-maps.c:[[@LINE+1]]:16: error: parameter 'p' is declared noescape but leaks to the heap
void keep(int *p __attribute__((noescape))) { G = p; }
#else
// M: units-without-maps.c:[[@LINE+2]]:16: leaking param: p
// JSON-DAG: "function": "keep", "name": "p", {{.*}}"verdict": "leaking param"
void keep(int *p) { G = p; }
#endif

// M: units-without-maps.c:[[@LINE+2]]:14: leaking param: q to result ~r0 level=0
// JSON-DAG: "function": "id", "name": "q", {{.*}}"verdict": "leaking param to result"
int *id(int *q) { return q; }
