// sangtao: the executable — the command line and the wiring of the modules, nothing else.

import Glibc

// A program started from a thread that blocks signals (a test runner's worker, some job
// schedulers) inherits that mask: Ctrl-C, the time limits (SIGALRM) and even `kill` would wait
// forever. Start with nothing blocked, as a program started from a shell does.
var unblocked = sigset_t()
sigemptyset(&unblocked)
sigprocmask(SIG_SETMASK, &unblocked, nil)

let status = Launcher(arguments: CommandLine.arguments).run()
exit(status)
