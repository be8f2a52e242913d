/* versions.c -- which SDL2 libraries this build links, and the font. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <unistd.h>

#include "gui/gui.h"

static void line(FILE *out, const char *name, const SDL_version *built, const SDL_version *run)
{
    fprintf(out, "%s %u.%u.%u (built against %u.%u.%u)\n", name, run->major, run->minor,
            run->patch, built->major, built->minor, built->patch);
}

int gui_print_versions(FILE *out)
{
    SDL_version built, run;
    SDL_VERSION(&built);
    SDL_GetVersion(&run);
    line(out, "SDL2", &built, &run);
    SDL_TTF_VERSION(&built);
    line(out, "SDL2_ttf", &built, TTF_Linked_Version());
    SDL_IMAGE_VERSION(&built);
    line(out, "SDL2_image", &built, IMG_Linked_Version());
    int found = access(REFSCOPE_FONT, R_OK) == 0;
    fprintf(out, "font %s%s\n", REFSCOPE_FONT, found ? "" : " (missing: apt-get install fonts-dejavu-core)");
    return found ? 0 : 1;
}
