// Console: the REPL analysts live in — line readers (GNU readline or plain), evaluation as
// `lua.c` does it, printing of values and result sets, dot-commands, completion and interrupts.
//
// Must not import: CLua or CLuaShim directly (everything Lua goes through LuaBridge), GRDB.
