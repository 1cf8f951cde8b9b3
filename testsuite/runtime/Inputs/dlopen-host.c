/* dlopen.test's program: loads the shared object at run time, from the main thread and
 * from a thread started before the load, and prints what it computes and the runtime's
 * counters as the object sees them. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static void *lib;

static void *worker(void *arg)
{
    int (*count)(int) = (int (*)(int))dlsym(lib, "plug_count");
    *(int *)arg = count(50);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    int r = 0;
    lib = dlopen(argc > 1 ? argv[1] : "./plug.so", RTLD_NOW);
    if (!lib) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    int (*count)(int) = (int (*)(int))dlsym(lib, "plug_count");
    int (*keep)(int) = (int (*)(int))dlsym(lib, "plug_keep");
    pthread_create(&t, NULL, worker, &r);
    pthread_join(t, NULL);
    int c5 = count(5), c100 = count(100), k1 = keep(1), k2 = keep(2);
    printf("count %d %d thread %d keep %d %d\n", c5, c100, r, k1, k2);
    return 0;
}
