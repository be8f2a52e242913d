/* versions.c -- which cJSON and libedit this build links. */
#include <cjson/cJSON.h>
#include <editline/readline.h>

#include "dbg/dbg.h"

void dbg_print_versions(FILE *out)
{
    fprintf(out, "cJSON %s\n", cJSON_Version());
    fprintf(out, "libedit %s\n", rl_library_version ? rl_library_version : "(unknown)");
}
