/* pch.test: breaks the header's promise; must be rejected with the header
 * precompiled as without it. */
static gomap *G;
void keep(gomap *m) { G = m; }
gomap *kept(void) { return G; }
