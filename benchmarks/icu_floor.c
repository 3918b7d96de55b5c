/* The floor for replylint's throughput: ICU's word break iterator alone over the same UTF-8
 * bytes (opened once, reused per file, as replylint does), counting word segments. */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *words = ubrk_open(UBRK_WORD, "es", NULL, 0, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(status)); return 2; }
    UText *text = NULL;
    long long count = 0, bytes = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buffer = malloc(size + 1);
        if (fread(buffer, 1, size, f) != (size_t)size) { perror(argv[i]); return 2; }
        fclose(f);
        status = U_ZERO_ERROR;
        text = utext_openUTF8(text, buffer, size, &status);
        ubrk_setUText(words, text, &status);
        if (U_FAILURE(status)) { fprintf(stderr, "%s: %s\n", argv[i], u_errorName(status)); return 2; }
        ubrk_first(words);
        while (ubrk_next(words) != UBRK_DONE) {
            if (ubrk_getRuleStatus(words) >= UBRK_WORD_LETTER) count++;
        }
        bytes += size;
        free(buffer);
    }
    printf("%lld %lld\n", bytes, count);
    utext_close(text);
    ubrk_close(words);
    return 0;
}
