// Console: the REPL.
