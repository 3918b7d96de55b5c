// The scans are `static inline` in the header; a C target needs one source file of its own.
#include "bytescan.h"
