// replylint's window on ICU. This header names no ICU type: Swift sees plain C integers and
// opaque pointers only, so the module can sit next to Foundation in every build configuration.
#ifndef REPLYLINT_ICUSHIM_H
#define REPLYLINT_ICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Kinds of text boundary analysis. RL_BREAK_WORD finds ICU's word boundaries, applying the word rules
/// itself over runs of the common scalars (see icushim.c); RL_BREAK_WORD_ICU runs ICU's iterator
/// over everything, for the tests and the fuzz targets to compare the two.
enum { RL_BREAK_WORD = 0, RL_BREAK_SENTENCE = 1, RL_BREAK_CHARACTER = 2, RL_BREAK_WORD_ICU = 3 };

/// Word break rule statuses, grouped the way ICU groups them (see ubrk.h UWordBreak).
enum {
    RL_WORD_NONE = 0,        // spaces, punctuation, symbols, emoji
    RL_WORD_NUMBER = 100,
    RL_WORD_LETTER = 200,
    RL_WORD_KANA = 300,
    RL_WORD_IDEO = 400
};

typedef struct rl_breaker rl_breaker;

/// Opens a break iterator; `*error` receives ICU's status (> 0 is a failure, < 0 a warning such as
/// "fell back to the root locale", which is not an error). Returns NULL on failure.
rl_breaker *rl_breaker_open(int kind, const char *locale, int32_t *error);
void rl_breaker_close(rl_breaker *breaker);
/// Points the iterator at UTF-8 text (not copied: it must outlive the iteration). Offsets
/// returned afterwards are UTF-8 byte offsets into `text`. Returns ICU's status.
int32_t rl_breaker_set_utf8(rl_breaker *breaker, const char *text, int64_t length);
/// Moves to the first boundary (always 0).
int32_t rl_breaker_first(rl_breaker *breaker);
/// Next boundary as a byte offset, or -1 when done; `*status` gets the rule status of the
/// segment that ends there (RL_WORD_* for word iterators).
int32_t rl_breaker_next(rl_breaker *breaker, int32_t *status);

/// Set in the status `rl_breaker_next_span` gives for a segment the rules found: every scalar in it is
/// below U+0800 and none is an emoji.
enum { RL_SEGMENT_PLAIN = 0x10000 };
/// The next segment of a word breaker that is not a run of U+0020 spaces: its end as `rl_breaker_next`
/// gives it (-1 when done), its start in `*start`, and its status, with RL_SEGMENT_PLAIN or'ed in.
int32_t rl_breaker_next_span(rl_breaker *breaker, int32_t *start, int32_t *status);
/// Whether a word breaker applies the rules itself to scalar `c` (else it leaves it to ICU).
int rl_breaker_applies_rules(const rl_breaker *breaker, int32_t c);
/// The stretches of the current text a word breaker has given to ICU's iterator so far.
int32_t rl_breaker_icu_stretches(const rl_breaker *breaker);

typedef struct rl_folder rl_folder;

enum {
    RL_FOLD_LOWER = 0,   // locale-aware lowercase, NFC
    RL_FOLD_ACCENTS = 1, // lowercase, accents and diaeresis dropped (ñ kept), NFC
    RL_FOLD_UPPER = 2    // locale-aware uppercase, NFC
};

/// A reusable case/accent folder for one locale (not thread-safe; one per thread).
rl_folder *rl_folder_open(const char *locale, int32_t *error);
void rl_folder_close(rl_folder *folder);
/// Folds UTF-8 `src` into `dst`. Returns the byte length of the result (which may exceed `capacity`:
/// call again with a larger buffer), or -1 on failure (invalid input).
int32_t rl_folder_fold(rl_folder *folder, int mode, const char *src, int32_t length,
                       char *dst, int32_t capacity);

/// Character properties from ICU's data.
int rl_is_extended_pictographic(int32_t c);
int rl_is_emoji_component(int32_t c);
int rl_is_regional_indicator(int32_t c);
int rl_is_alphabetic(int32_t c);
int rl_is_uppercase(int32_t c);
int rl_is_lowercase(int32_t c);
int rl_is_combining_mark(int32_t c);
int rl_is_punctuation(int32_t c);
int rl_is_white_space(int32_t c);
/// The scalar's Sentence_Break class (UAX #29), ICU's USentenceBreak value: 0 Other, 1 ATerm,
/// 2 Close, 3 Format, 4 Lower, 5 Numeric, 6 OLetter, 7 Sep, 8 Sp, 9 STerm, 10 Upper, 11 CR,
/// 12 Extend, 13 LF, 14 SContinue.
int rl_sentence_break(int32_t c);

/// Terminal columns a scalar takes: 0 for combining marks and default-ignorable scalars (ZWJ,
/// variation selectors), 2 for East Asian wide/fullwidth and emoji presentation, else 1.
int rl_display_width(int32_t c);

/// ICU's version string, e.g. "72.1".
const char *rl_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
