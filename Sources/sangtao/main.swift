// sangtao: the executable — the command line and the wiring of the modules, nothing else.

import Glibc

let status = Launcher(arguments: CommandLine.arguments).run()
exit(status)
