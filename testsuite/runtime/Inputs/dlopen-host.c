/* dlopen.test's program: loads the shared object at run time, from the main thread and
 * from a thread started before the load, and prints what it computes; then a thread
 * that used the object outlives its unloading (dlclose) and exits: the runtime's
 * per-thread destructor must not be called in the unmapped object. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static void *lib;
static pthread_barrier_t used, closed;

static void *worker(void *arg)
{
    int (*count)(int) = (int (*)(int))dlsym(lib, "plug_count");
    *(int *)arg = count(50);
    return NULL;
}

static void *outliver(void *arg)
{
    int (*count)(int) = (int (*)(int))dlsym(lib, "plug_count");
    *(int *)arg = count(10);            /* registers this thread with the runtime */
    pthread_barrier_wait(&used);
    pthread_barrier_wait(&closed);      /* the object is unloaded now */
    return NULL;                        /* thread exit: its key destructors run */
}

int main(int argc, char **argv)
{
    pthread_t t;
    int r = 0, r2 = 0;
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
    pthread_barrier_init(&used, NULL, 2);
    pthread_barrier_init(&closed, NULL, 2);
    pthread_create(&t, NULL, outliver, &r2);
    pthread_barrier_wait(&used);
    printf("dlclose %d\n", dlclose(lib));
    pthread_barrier_wait(&closed);
    pthread_join(t, NULL);
    printf("outliver %d exited\n", r2);
    return 0;
}
