/*
 * gui/gui.h -- the GUI layer's public entry points (for app/).
 */
#ifndef GUI_GUI_H
#define GUI_GUI_H

#include <stdio.h>

/* One line per SDL library this build links, compiled and loaded
 * versions, and whether the DejaVu Sans Mono font is installed.
 * Returns 0 when the font is found, 1 otherwise. */
int gui_print_versions(FILE *out);

#endif /* GUI_GUI_H */
