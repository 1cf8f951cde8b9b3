// The operator helper (clang/ops.c): libclang 14 has no operator-kind query,
// so &, *, = and compound assignments (and the rest) are read back from the
// tokens of each operator expression: a prefix operator is the first token, a
// postfix one the last, a binary one the first token after the left operand.
// Inside a macro expansion the tokens are the macro's: an operator spelled in
// the macro's definition is "unknown", and expr.c falls back on the types; a
// binary operator spelled inside one argument is read there; operands from two
// arguments (a comma between them), or from the definition and an argument,
// stay "unknown".
//
// RUN: %root/build/escape-clang --debug-ops %s -- | %FileCheck %s --implicit-check-not=unary --implicit-check-not=binary
#define DEREF(p) (*(p))
#define SET(a, b) ((a) = (b))
#define ID(a) (a)
#define LT(a, b) a < b
#define ADD1(a) 1 + a
int ops(int *p, int x, int **pp)
{
    // CHECK: {{.*}}:[[@LINE+1]]:14: unary addr
    int *q = &x;
    // CHECK: {{.*}}:[[@LINE+3]]:5: binary assign
    // CHECK: {{.*}}:[[@LINE+2]]:5: unary deref
    // CHECK: {{.*}}:[[@LINE+1]]:10: binary arith
    *p = x + 1;
    // CHECK: {{.*}}:[[@LINE+2]]:5: binary compound
    // CHECK: {{.*}}:[[@LINE+1]]:10: unary deref
    x += *q;
    // CHECK: {{.*}}:[[@LINE+1]]:5: binary compound
    x <<= 2;
    // CHECK: {{.*}}:[[@LINE+2]]:5: binary assign
    // CHECK: {{.*}}:[[@LINE+1]]:9: unary deref
    q = *pp;
    // CHECK: {{.*}}:[[@LINE+1]]:5: unary incdec
    p++;
    // CHECK: {{.*}}:[[@LINE+1]]:5: unary incdec
    --x;
    // CHECK: {{.*}}:[[@LINE+5]]:5: binary comma
    // CHECK: {{.*}}:[[@LINE+4]]:5: binary assign
    // CHECK: {{.*}}:[[@LINE+3]]:9: unary not
    // CHECK: {{.*}}:[[@LINE+2]]:13: binary assign
    // CHECK: {{.*}}:[[@LINE+1]]:17: unary arith
    x = !x, x = -x;
    // CHECK: {{.*}}:[[@LINE+4]]:5: binary assign
    // CHECK: {{.*}}:[[@LINE+3]]:9: binary cmp
    // CHECK: {{.*}}:[[@LINE+2]]:9: binary cmp
    // CHECK: {{.*}}:[[@LINE+1]]:19: binary cmp
    x = x == 1 && x < 2;
    // CHECK: {{.*}}:[[@LINE+2]]:5: binary unknown
    // CHECK: {{.*}}:[[@LINE+1]]:5: unary unknown
    SET(x, DEREF(p));
    // CHECK: {{.*}}:[[@LINE+6]]:5: binary assign
    // CHECK: {{.*}}:[[@LINE+5]]:9: binary arith
    // CHECK: {{.*}}:[[@LINE+4]]:9: binary cmp
    // CHECK: {{.*}}:[[@LINE+3]]:21: binary arith
    // CHECK: {{.*}}:[[@LINE+2]]:21: binary assign
    // CHECK: {{.*}}:[[@LINE+1]]:21: binary compound
    x = ID(x < 2) + ID(ID(x = 3) + ID(x *= 2));
    // CHECK: {{.*}}:[[@LINE+4]]:5: binary assign
    // CHECK: {{.*}}:[[@LINE+3]]:9: binary unknown
    // CHECK: {{.*}}:[[@LINE+2]]:9: binary unknown
    // CHECK: {{.*}}:[[@LINE+1]]:9: binary unknown
    x = LT(x, ID(2)) + ADD1(x);
    // CHECK: {{.*}}:[[@LINE+1]]:5: unary extension
    __extension__ x;
    // CHECK: {{.*}}:[[@LINE+1]]:20: unary arith
    return x ? x : ~x;
}
