// replylint links the system Hunspell through this target; every call lives in
// Sources/ReplyLint/Spelling/HunspellDictionary.swift.
#include <hunspell.h>
