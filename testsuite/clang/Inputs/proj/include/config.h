// The project's configuration header, found through -Iinclude in the commands.
#ifndef CONFIG_H
#define CONFIG_H
#include "gomap.h"
gomap *cache_get(void);
#endif
