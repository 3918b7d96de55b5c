// replylint links the system ICU through this target; the calls themselves live in ICUShim.
#include <unicode/uversion.h>
