/* CReadline: GNU readline and its history, for the console's line reader. */
#ifndef CREADLINE_H
#define CREADLINE_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/*
** Readline keeps its settings in C globals, which Swift 6 refuses to touch (shared mutable
** state). These accessors are the only way the console reads or writes them.
*/
static inline void creadline_configure(const char *name, rl_completion_func_t *completer,
                                       const char *word_breaks) {
  rl_readline_name = name;
  rl_catch_signals = 0; /* Ctrl-C is the console's */
  rl_attempted_completion_function = completer;
  rl_completer_word_break_characters = word_breaks;
  history_comment_char = '#'; /* readline stamps entries only when this is set */
  history_write_timestamps = 1; /* lets a multi-line chunk stay one entry in the file */
  history_multiline_entries = 1;
}
static inline void creadline_completion_over(void) { rl_attempted_completion_over = 1; }
static inline void creadline_no_append(void) { rl_completion_append_character = 0; }
static inline const char *creadline_line_buffer(void) { return rl_line_buffer; }
static inline int creadline_history_length(void) { return history_length; }
static inline int creadline_history_base(void) { return history_base; }
static inline FILE *creadline_outstream(void) { return rl_outstream ? rl_outstream : stdout; }
static inline void creadline_clear_line(void) {
  rl_free_line_state();
  rl_callback_sigcleanup();
  rl_replace_line("", 0);
  rl_point = 0;
  rl_end = 0;
}
#endif
