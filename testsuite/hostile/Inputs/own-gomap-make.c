/* own-gomap-make.c - a program with its own function named gomap_make, unrelated
 * to the runtime (wrong-arity.c). */
#include <stdio.h>
int gomap_make(int a);
int gomap_make(int a) { return a + 1; }
int main(void) { printf("%d\n", gomap_make(3)); return 0; }
